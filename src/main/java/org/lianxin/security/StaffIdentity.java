package org.lianxin.security;

import java.security.Principal;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.stereotype.Component;

/**
 * Who is calling a route served over platform-http. Camel runs such routes on its own threads, so the login is
 * read from the servlet request (which Spring Security has wrapped), not from the thread's security context.
 */
@Component("staffIdentity")
public class StaffIdentity {

    public String username(Exchange exchange) {
        PlatformHttpMessage message = exchange.getMessage(PlatformHttpMessage.class);
        Principal principal = message == null ? null : message.getRequest().getUserPrincipal();
        if (principal == null) {
            throw new IllegalStateException("route served without a login; check the security configuration");
        }
        return principal.getName();
    }
}
