package org.lianxin.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may do what. System channels (hotline push, Open311) authenticate with their API keys inside their routes;
 * staff use HTTP Basic on /api and a login form on pages. ADMIN may do everything any other role may.
 */
@Configuration
public class SecurityConfig {

    public static final String DESK = "DESK";
    public static final String DISPATCHER = "DISPATCHER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ADMIN = "ADMIN";

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN).implies(SUPERVISOR, DISPATCHER, DESK)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/open311/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/hotline/**", "/open311/**").permitAll()
                        // SMS gateways' delivery reports: each proves itself with a secret or a signature
                        .requestMatchers("/api/sms/dlr/**").permitAll()
                        // departments' SMS forwarded by the gateways: the inbound secret or Twilio's signature
                        .requestMatchers("/api/sms/inbound/**").permitAll()
                        .requestMatchers("/api/petitions/**").hasRole(DESK)
                        // merging and splitting cases (routes/repeats/merges.yaml)
                        .requestMatchers(HttpMethod.POST, "/api/cases/**").hasAnyRole(DISPATCHER, SUPERVISOR)
                        // the triage model: its labelled history and training (org.lianxin.triage.TriageModelApi)
                        .requestMatchers("/api/triage/**").hasAnyRole(ADMIN, SUPERVISOR)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .addFilterAfter(new StaffIdentity.Filter(), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new JsonAuthenticationEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Machine clients with API keys or Basic credentials: no browser session, so no CSRF token.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/error", "/query").permitAll()
                        // the reply page's signed link is its own key (org.lianxin.web.ReplyPage)
                        .requestMatchers("/reply/**").permitAll()
                        .requestMatchers("/desk/**").hasRole(DESK)
                        .requestMatchers("/triage/**", "/deliveries/**", "/quarantine/**").hasRole(DISPATCHER)
                        .requestMatchers(HttpMethod.POST, "/cases/*/merge", "/cases/*/split")
                        .hasAnyRole(DISPATCHER, SUPERVISOR)
                        .requestMatchers("/cases/**", "/cases").hasAnyRole(DESK, DISPATCHER, SUPERVISOR)
                        .requestMatchers("/supervision/**").hasRole(SUPERVISOR)
                        // hot issues and leaders' instructions (org.lianxin.web.HotIssuesPage)
                        .requestMatchers("/hot/**", "/hot").hasRole(SUPERVISOR)
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        // the dashboard, the quarterly report and spot checks (回头看)
                        .requestMatchers("/dashboard", "/dashboard/**", "/reports/**").hasRole(SUPERVISOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(Customizer.withDefaults())
                // The reply page acts on no login or session: its signed link is the key, which a forged request
                // from another site would need to know already. Uploads there are then read only by the page,
                // which can name an upload over the limit (a CSRF check would read, and fail on, the body first).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/reply/**"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), EndpointRequest.toAnyEndpoint()));
        return http.build();
    }
}
