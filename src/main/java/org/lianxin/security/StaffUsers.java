package org.lianxin.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Staff accounts, kept in the staff_user table with hashed passwords and their roles. */
@Service
public class StaffUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public StaffUsers(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled from staff_user where username = :username")
                .param("username", username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("roles").split(","))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single() == 0;
    }

    /** The roles an account may have, as the pages offer them. */
    public static final List<String> ROLES = List.of(SecurityConfig.DESK, SecurityConfig.DISPATCHER,
            SecurityConfig.SUPERVISOR, SecurityConfig.ADMIN);
    static final int MIN_PASSWORD = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");

    /** One account as the admin page lists it. */
    public record Account(String username, String displayName, List<String> roles, boolean enabled,
            OffsetDateTime createdAt) {
    }

    public List<Account> list() {
        return jdbc.sql("select username, display_name, roles, enabled, created_at from staff_user order by username")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"),
                        List.of(rs.getString("roles").split(",")), rs.getBoolean("enabled"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public void create(String username, String rawPassword, String displayName, List<String> roles) {
        requireRoles(roles);
        jdbc.sql("insert into staff_user (username, password_hash, display_name, roles, enabled, created_at) "
                        + "values (:username, :hash, :displayName, :roles, true, :now)")
                .param("username", username)
                .param("hash", encoder.encode(rawPassword))
                .param("displayName", displayName)
                .param("roles", String.join(",", roles))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * A new account from the admin page: the username (lower-case letters, digits, '.', '_', '-'), a password of at
     * least MIN_PASSWORD characters, one role or more; an error names its field.
     */
    public void add(String username, String rawPassword, String displayName, List<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidAccountException("username", "2 to 50 lower-case letters, digits, '.', '_' or '-'");
        }
        if (jdbc.sql("select count(*) from staff_user where username = :u").param("u", username).query(Long.class)
                .single() > 0) {
            throw new InvalidAccountException("username", username + " exists already");
        }
        requirePassword(rawPassword);
        create(username, rawPassword, blankToNull(displayName), roles);
    }

    /** Roles, name and whether the account may log in; an admin cannot take their own ADMIN or login away. */
    public void update(String username, String displayName, List<String> roles, boolean enabled, String byAdmin) {
        requireRoles(roles);
        if (username.equals(byAdmin) && (!enabled || !roles.contains(SecurityConfig.ADMIN))) {
            throw new InvalidAccountException("roles", "you cannot disable your own account or take your own ADMIN");
        }
        int updated = jdbc.sql("update staff_user set display_name = :name, roles = :roles, enabled = :enabled "
                        + "where username = :username")
                .param("name", blankToNull(displayName)).param("roles", String.join(",", roles))
                .param("enabled", enabled).param("username", username).update();
        if (updated == 0) {
            throw new InvalidAccountException("username", "no account " + username);
        }
    }

    public void setPassword(String username, String rawPassword) {
        requirePassword(rawPassword);
        int updated = jdbc.sql("update staff_user set password_hash = :hash where username = :username")
                .param("hash", encoder.encode(rawPassword)).param("username", username).update();
        if (updated == 0) {
            throw new InvalidAccountException("username", "no account " + username);
        }
    }

    private static void requireRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidAccountException("roles", "at least one role");
        }
        roles.forEach(role -> {
            if (!ROLES.contains(role)) {
                throw new InvalidAccountException("roles", "unknown role " + role);
            }
        });
    }

    private static void requirePassword(String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD) {
            throw new InvalidAccountException("password", "at least " + MIN_PASSWORD + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An account change refused; field names the form field at fault. */
    public static class InvalidAccountException extends IllegalArgumentException {
        private final String field;

        InvalidAccountException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
