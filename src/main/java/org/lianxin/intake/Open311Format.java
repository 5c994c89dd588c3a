package org.lianxin.intake;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.JsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;

/**
 * Open311 (GeoReport v2) documents in the format the client asked for by the resource's extension (services.json,
 * requests/2026000123.xml): a JSON array, or an XML root with one element per item. Errors too, as
 * [{"code":400,"description":"..."}] / &lt;errors>&lt;error>...; the routes' error handling (routeConfiguration
 * open311-errors) and {@link Open311FormFilter} both answer through here.
 */
@Component("open311Format")
public class Open311Format {

    /** The exchange property holding the format of the request being answered. */
    public static final String PROPERTY = "open311Format";
    static final String JSON = "json";
    static final String XML = "xml";

    private static final Logger log = LoggerFactory.getLogger(Open311Format.class);

    private final ObjectMapper json;
    private final XmlMapper xml;

    public Open311Format(ObjectMapper json) {
        this.json = json;
        XmlFactory factory = new XmlFactory();
        // Text from other channels may hold control characters that XML 1.0 cannot carry: replace them rather than
        // fail the whole answer (Open311's own input refuses them, see Open311Parameters).
        factory.getXMLOutputFactory().setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        this.xml = XmlMapper.builder(factory)
                .defaultUseWrapper(false)
                .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .build();
    }

    /** A rendered document: what goes into the HTTP response. */
    public record Rendered(int status, String contentType, String body) {
    }

    public record Error(int code, String description) {
    }

    /** json or xml, from the extension of the last path segment; anything else is a 400 naming the format. */
    public String of(String path) {
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.endsWith("." + JSON)) {
            return JSON;
        }
        if (name.endsWith("." + XML)) {
            return XML;
        }
        throw new InvalidIntakeException("format", "append .json or .xml to the resource, as in services.json");
    }

    /** Takes the format of the request being answered from its path; first step of every Open311 route. */
    public void accept(Exchange exchange) {
        exchange.setProperty(PROPERTY, of(exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class)));
    }

    /** The format a failure is answered in: the one asked for, JSON when the request named none we speak. */
    String orJson(String path) {
        try {
            return of(path);
        } catch (InvalidIntakeException e) {
            return JSON;
        }
    }

    /** A path segment without its format extension: "2026000123" of "2026000123.xml". */
    public static String withoutFormat(String segment) {
        int dot = segment == null ? -1 : segment.lastIndexOf('.');
        return dot < 0 ? segment : segment.substring(0, dot);
    }

    /** A list answer: a JSON array, or &lt;root>&lt;element>...&lt;/element>...&lt;/root>. */
    public void list(Exchange exchange, String root, String element, List<?> items) {
        write(exchange, render(format(exchange), 200, root, element, items));
    }

    /** A single-document answer, such as service_definition. */
    public void document(Exchange exchange, String root, Object document) {
        String format = format(exchange);
        write(exchange, XML.equals(format) ? xml(200, root, document) : json(200, document));
    }

    public void badRequest(Exchange exchange) {
        error(exchange, 400, caught(exchange).getMessage());
    }

    public void unreadableBody(Exchange exchange) {
        error(exchange, 400, JsonErrors.UNREADABLE_BODY);
    }

    public void unauthorized(Exchange exchange) {
        error(exchange, 401, caught(exchange).getMessage());
    }

    public void notFound(Exchange exchange) {
        error(exchange, 404, caught(exchange).getMessage());
    }

    /** Anything unexpected: logged here, answered without its details. */
    public void failed(Exchange exchange) {
        log.error("Open311 request failed", caught(exchange));
        error(exchange, 500, "internal error; the request may be retried");
    }

    /** An Open311 error document in the given format. */
    public Rendered error(String format, int status, String description) {
        return render(format, status, "errors", "error", List.of(new Error(status, description)));
    }

    private void error(Exchange exchange, int status, String description) {
        write(exchange, error(format(exchange), status, description));
    }

    private Rendered render(String format, int status, String root, String element, List<?> items) {
        return XML.equals(format) ? xml(status, root, Map.of(element, items)) : json(status, items);
    }

    private Rendered json(int status, Object body) {
        try {
            return new Rendered(status, "application/json; charset=UTF-8", json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rendered xml(int status, String root, Object body) {
        try {
            return new Rendered(status, "text/xml; charset=UTF-8", xml.writer().withRootName(root).writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String format(Exchange exchange) {
        return exchange.getProperty(PROPERTY, JSON, String.class);
    }

    private static Exception caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private static void write(Exchange exchange, Rendered rendered) {
        exchange.getMessage().setBody(rendered.body());
        // As JsonErrors.write: platform-http would echo every exchange header (api_key included) in the response.
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, rendered.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, rendered.contentType());
    }
}
