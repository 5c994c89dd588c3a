package org.lianxin.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianxin.cases.RowTime;
import org.lianxin.cases.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The department directory, stored in the database (tables department and department_address) and seeded from
 * lianxin.directory.seed when empty. Reads come from an in-memory copy refreshed every
 * lianxin.directory.cache-ttl-ms (triage looks departments up for every case; the directory has a few dozen rows
 * and changes rarely); this node's own edits refresh it at once, another node's within the interval.
 */
@Component
public class DepartmentDirectory implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentDirectory.class);
    private static final String EMAIL = "email";
    private static final String MOBILE = "mobile";

    private record Snapshot(Map<String, Department> byId, Map<String, Department> byEmail,
            Map<String, Department> byMobile, Instant loadedAt) {
    }

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final ResourceLoader resources;
    private final String seedLocation;
    private final Clock clock;
    private final Duration cacheTtl;
    private volatile Snapshot snapshot;

    public DepartmentDirectory(JdbcClient db, TransactionTemplate tx, ResourceLoader resources, Clock clock,
            @Value("${lianxin.directory.seed}") String seedLocation,
            @Value("${lianxin.directory.cache-ttl-ms}") long cacheTtlMs) {
        this.db = db;
        this.tx = tx;
        this.resources = resources;
        this.clock = clock;
        this.seedLocation = seedLocation;
        this.cacheTtl = Duration.ofMillis(cacheTtlMs);
    }

    /** Seeds before any route starts, so that triage never sees an empty directory. */
    @Override
    public void afterPropertiesSet() {
        seedIfEmpty();
    }

    /** Loads the seed file into an empty directory; the file is read (and checked) only then. */
    public boolean seedIfEmpty() {
        if (db.sql("select count(*) from department").query(Long.class).single() > 0) {
            return false;
        }
        return seed(DirectorySeed.read(resources.getResource(seedLocation)));
    }

    /** Stores the seed; when another node starting at the same time stored it first, does nothing. */
    boolean seed(List<Department> departments) {
        try {
            tx.executeWithoutResult(status -> departments.forEach(this::insert));
            LOG.info("Department directory seeded from {}: {} departments", seedLocation, departments.size());
            return true;
        } catch (DuplicateKeyException e) {
            LOG.info("Department directory already seeded by another node");
            return false;
        } finally {
            snapshot = null;
        }
    }

    public Optional<Department> find(String id) {
        return Optional.ofNullable(id == null ? null : current().byId().get(id));
    }

    /** Every department, active or not, departments before townships. */
    public List<Department> list() {
        return List.copyOf(current().byId().values());
    }

    /** The department an email came from ("which department answered"), by any of its addresses. */
    public Optional<Department> findByEmail(String address) {
        return Optional.ofNullable(address == null ? null : current().byEmail().get(Department.normaliseEmail(address)));
    }

    /** The department an SMS came from, by any of its mobile numbers in any written form (+86, spaces...). */
    public Optional<Department> findByMobile(String number) {
        return PhoneNumbers.normalise(number).map(n -> current().byMobile().get(n));
    }

    /**
     * Creates or replaces a department (the ADMIN's edit): checked like the seed, and none of its addresses may
     * already be another department's.
     */
    public Department save(Department department) {
        Department d = department.checked();
        tx.executeWithoutResult(status -> {
            requireOwnAddresses(d, EMAIL, d.emails(), "emails");
            requireOwnAddresses(d, MOBILE, d.mobiles(), "mobiles");
            int updated = db.sql("update department set name = :name, kind = :kind, contact_person = :contact, "
                    + "prefers_email = :prefersEmail, prefers_sms = :prefersSms, may_see_phone = :maySeePhone, "
                    + "active = :active, updated_at = :now where id = :id")
                    .params(parameters(d)).update();
            if (updated == 0) {
                insert(d);
            } else {
                db.sql("delete from department_address where department_id = :id").param("id", d.id()).update();
                insertAddresses(d);
            }
        });
        snapshot = null;
        return d;
    }

    /** Takes a department out of routing (inactive) or back in; its history stays. */
    public void setActive(String id, boolean active) {
        int updated = db.sql("update department set active = :active, updated_at = :now where id = :id")
                .param("active", active).param("now", now()).param("id", id).update();
        if (updated == 0) {
            throw new InvalidDepartmentException(id, "id", "no such department");
        }
        snapshot = null;
    }

    private void requireOwnAddresses(Department d, String kind, List<String> addresses, String field) {
        for (String address : addresses) {
            db.sql("select department_id from department_address where kind = :kind and address = :address "
                    + "and department_id <> :id")
                    .param("kind", kind).param("address", address).param("id", d.id())
                    .query(String.class).optional()
                    .ifPresent(other -> {
                        throw new InvalidDepartmentException(d.id(), field, address + " is already " + other + "'s");
                    });
        }
    }

    private void insert(Department d) {
        db.sql("insert into department (id, name, kind, contact_person, prefers_email, prefers_sms, may_see_phone, "
                + "active, updated_at) values (:id, :name, :kind, :contact, :prefersEmail, :prefersSms, :maySeePhone, "
                + ":active, :now)")
                .params(parameters(d)).update();
        insertAddresses(d);
    }

    private void insertAddresses(Department d) {
        for (String email : d.emails()) {
            insertAddress(d.id(), EMAIL, email);
        }
        for (String mobile : d.mobiles()) {
            insertAddress(d.id(), MOBILE, mobile);
        }
    }

    private void insertAddress(String id, String kind, String address) {
        db.sql("insert into department_address (department_id, kind, address) values (:id, :kind, :address)")
                .param("id", id).param("kind", kind).param("address", address).update();
    }

    private Map<String, Object> parameters(Department d) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", d.id());
        p.put("name", d.name());
        p.put("kind", d.kind().name());
        p.put("contact", d.contactPerson());
        p.put("prefersEmail", d.prefersEmail());
        p.put("prefersSms", d.prefersSms());
        p.put("maySeePhone", d.maySeePhone());
        p.put("active", d.active());
        p.put("now", now());
        return p;
    }

    private OffsetDateTime now() {
        return RowTime.of(clock);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(cacheTtl).isBefore(clock.instant())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, List<String>> emails = new HashMap<>();
        Map<String, List<String>> mobiles = new HashMap<>();
        db.sql("select department_id, kind, address from department_address order by department_id, kind, address")
                .query((rs, n) -> {
                    (EMAIL.equals(rs.getString("kind")) ? emails : mobiles)
                            .computeIfAbsent(rs.getString("department_id"), k -> new ArrayList<>())
                            .add(rs.getString("address"));
                    return null;
                }).list();
        List<Department> departments = db.sql("select id, name, kind, contact_person, prefers_email, prefers_sms, "
                + "may_see_phone, active from department order by kind, id")
                .query((rs, n) -> new Department(rs.getString("id"), rs.getString("name"),
                        Department.Kind.valueOf(rs.getString("kind")), emails.get(rs.getString("id")),
                        mobiles.get(rs.getString("id")), rs.getBoolean("prefers_email"), rs.getBoolean("prefers_sms"),
                        rs.getString("contact_person"), rs.getBoolean("may_see_phone"), rs.getBoolean("active")))
                .list();
        Map<String, Department> byId = new LinkedHashMap<>();
        Map<String, Department> byEmail = new HashMap<>();
        Map<String, Department> byMobile = new HashMap<>();
        for (Department d : departments) {
            byId.put(d.id(), d);
            index(byEmail, d.emails(), d);
            index(byMobile, d.mobiles(), d);
        }
        return new Snapshot(byId, byEmail, byMobile, clock.instant());
    }

    private static void index(Map<String, Department> index, Collection<String> addresses, Department d) {
        for (String address : addresses) {
            index.putIfAbsent(address, d);
        }
    }
}
