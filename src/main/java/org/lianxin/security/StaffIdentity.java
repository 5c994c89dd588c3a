package org.lianxin.security;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who is calling a route served over platform-http. Camel runs such routes on its own threads, where Spring
 * Security's thread-bound context is empty, so {@link Filter} copies the login into a request attribute first.
 */
@Component("staffIdentity")
public class StaffIdentity {

    static final String ATTRIBUTE = StaffIdentity.class.getName() + ".username";

    public String username(Exchange exchange) {
        PlatformHttpMessage message = exchange.getMessage(PlatformHttpMessage.class);
        Object username = message == null ? null : message.getRequest().getAttribute(ATTRIBUTE);
        if (username == null) {
            throw new IllegalStateException("route served without a login; check the security configuration");
        }
        return username.toString();
    }

    /** Runs inside the security filter chain, after authentication. */
    static class Filter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
                request.setAttribute(ATTRIBUTE, auth.getName());
            }
            chain.doFilter(request, response);
        }
    }
}
