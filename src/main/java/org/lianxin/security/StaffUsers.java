package org.lianxin.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

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

    public void create(String username, String rawPassword, String displayName, List<String> roles) {
        roles.forEach(role -> {
            if (Arrays.stream(new String[] {SecurityConfig.DESK, SecurityConfig.DISPATCHER, SecurityConfig.SUPERVISOR,
                    SecurityConfig.ADMIN}).noneMatch(role::equals)) {
                throw new IllegalArgumentException("unknown role " + role);
            }
        });
        jdbc.sql("insert into staff_user (username, password_hash, display_name, roles, enabled, created_at) "
                        + "values (:username, :hash, :displayName, :roles, true, :now)")
                .param("username", username)
                .param("hash", encoder.encode(rawPassword))
                .param("displayName", displayName)
                .param("roles", String.join(",", roles))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }
}
