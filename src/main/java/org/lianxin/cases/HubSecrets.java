package org.lianxin.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets that every node must share, such as the key that signs reply links: made once, randomly, by whichever
 * node needs one first, and kept in the database so that a link minted on one node is valid on all.
 */
@Component
public class HubSecrets {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

    public HubSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public byte[] secret(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        return find(name).orElseGet(() -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            try {
                jdbc.sql("insert into hub_secret (name, secret, created_at) values (:name, :secret, :now)")
                        .param("name", name)
                        .param("secret", Base64.getEncoder().encodeToString(key))
                        .param("now", OffsetDateTime.now(clock))
                        .update();
                return key;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                return find(name).orElseThrow();
            }
        });
    }

    private java.util.Optional<byte[]> find(String name) {
        return jdbc.sql("select secret from hub_secret where name = :name").param("name", name)
                .query(String.class).optional().map(Base64.getDecoder()::decode);
    }
}
