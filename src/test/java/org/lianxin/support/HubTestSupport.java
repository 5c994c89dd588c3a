package org.lianxin.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What most hub tests use: an HTTP client on the hub's port, the registered-cases queue and the database. */
public abstract class HubTestSupport {

    @LocalServerPort
    protected int port;
    @Autowired
    protected RegisteredQueue queue;
    @Autowired
    protected JdbcTemplate db;

    protected HubClient hub() {
        return new HubClient(port);
    }
}
