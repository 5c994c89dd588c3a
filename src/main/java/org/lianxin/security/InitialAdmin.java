package org.lianxin.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On first start with no staff account, creates `admin`: with lianxin.security.admin-password when set, else
 * with a random password written once to <data-dir>/initial-admin-password (readable by its owner only).
 */
@Component
public class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final StaffUsers users;
    private final Path dataDir;
    private final String configuredPassword;

    public InitialAdmin(StaffUsers users, @Value("${lianxin.data-dir}") Path dataDir,
            @Value("${lianxin.security.admin-password}") String configuredPassword) {
        this.users = users;
        this.dataDir = dataDir;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            users.create("admin", password, "管理员", List.of(SecurityConfig.ADMIN));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return;
        }
        if (generated) {
            Path file = dataDir.resolve("initial-admin-password");
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                // Owner-only from the moment it exists, never readable by others for an instant.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator());
            log.info("Created staff account 'admin'; its password is in {}", file.toAbsolutePath());
        } else {
            log.info("Created staff account 'admin' with the password from lianxin.security.admin-password");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
