package org.lianxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A staff member's browser over real HTTP: keeps the session cookie, follows no redirect (tests look at them), and
 * reads hidden form inputs (the CSRF token, the desk's submission id) out of the pages it gets.
 */
public class PageSession {

    public static final String CSRF = "_csrf";
    /** What a browser asks for when it opens a page: it decides login redirects and HTML error pages. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HubClient hub;

    public PageSession(int port) {
        this.hub = new HubClient(port, HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** A new session logged in through the login form; fails the test when the login is refused. */
    public static PageSession loggedIn(int port, String username, String password) {
        PageSession session = new PageSession(port);
        HttpAnswer form = session.get("/login");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        HttpAnswer answer = session.postForm("/login", Map.of("username", username, "password", password,
                CSRF, hidden(form, CSRF)));
        assertThat(answer.status()).as("login of " + username).isEqualTo(302);
        assertThat(answer.header("Location")).as("login of " + username).doesNotContain("error");
        return session;
    }

    public HttpAnswer get(String path, String... headers) {
        return hub.get(path, browser(headers));
    }

    /** Posts the fields as application/x-www-form-urlencoded in UTF-8, as a browser sends a form. */
    public HttpAnswer postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return hub.post(path, "application/x-www-form-urlencoded; charset=UTF-8",
                body.getBytes(StandardCharsets.UTF_8), browser(headers));
    }

    /** A file in a multipart form: the name as the browser sends it, its type and bytes. */
    /** A file for the form's part {@code part} (the reply page's is "files"). */
    public record Upload(String part, String fileName, String contentType, byte[] content) {
        public Upload(String fileName, String contentType, byte[] content) {
            this("files", fileName, contentType, content);
        }
    }

    /**
     * Posts the fields and files as multipart/form-data the way browsers do (file names in raw UTF-8), written by
     * Spring's form converter.
     */
    public HttpAnswer postMultipart(String path, Map<String, String> fields, List<Upload> files, String... headers) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        for (Upload f : files) {
            HttpHeaders part = new HttpHeaders();
            part.setContentType(MediaType.parseMediaType(f.contentType()));
            part.setContentDisposition(ContentDisposition.formData().name(f.part()).filename(f.fileName()).build());
            form.add(f.part(), new HttpEntity<>(f.content(), part));
        }
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        try {
            new FormHttpMessageConverter().write(form, MediaType.MULTIPART_FORM_DATA, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hub.post(path, out.getHeaders().getContentType().toString(), out.getBodyAsBytes(), browser(headers));
    }

    private static String[] browser(String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Accept";
        all[headers.length + 1] = ACCEPT;
        return all;
    }

    /** The value of the page's hidden input with that name (token-like values: no HTML entities to decode). */
    public static String hidden(HttpAnswer page, String name) {
        Matcher m = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"" + Pattern.quote(name)
                + "\"[^>]*value=\"([^\"]*)\"").matcher(page.text());
        assertThat(m.find()).as("hidden input %s in %s", name, page).isTrue();
        return m.group(1);
    }
}
