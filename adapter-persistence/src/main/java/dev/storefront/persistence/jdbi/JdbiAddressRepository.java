package dev.storefront.persistence.jdbi;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/** Address books in table {@code address}; joins the thread's transaction. */
public final class JdbiAddressRepository implements AddressRepository {
    private static final String COLUMNS = "id, user_id, name, line1, line2, city, region, postal_code, country, phone,"
            + " is_default";
    private final Database database;

    public JdbiAddressRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    private static Address address(ResultSet rs) throws SQLException {
        return new Address(new AddressId(rs.getLong("id")), new UserId(rs.getLong("user_id")),
                new PostalAddress(rs.getString("name"), rs.getString("line1"), rs.getString("line2"),
                        rs.getString("city"), rs.getString("region"), rs.getString("postal_code"),
                        new Country(rs.getString("country")), rs.getString("phone")),
                rs.getInt("is_default") == 1);
    }

    @Override
    public List<Address> findByUser(UserId userId) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM address WHERE user_id = :userId"
                        + " ORDER BY is_default DESC, id")
                .bind("userId", userId.value())
                .map((rs, ctx) -> address(rs))
                .list());
    }

    @Override
    public Optional<Address> findById(UserId userId, AddressId id) {
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM address"
                        + " WHERE id = :id AND user_id = :userId")
                .bind("id", id.value())
                .bind("userId", userId.value())
                .map((rs, ctx) -> address(rs))
                .findOne());
    }

    @Override
    public int countByUser(UserId userId) {
        return database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM address WHERE user_id = :userId")
                .bind("userId", userId.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Address add(UserId userId, PostalAddress postal) {
        return database.withHandle(h -> bindPostal(h.createQuery("INSERT INTO address (user_id, name, line1, line2,"
                        + " city, region, postal_code, country, phone, is_default) VALUES (:userId, :name, :line1,"
                        + " :line2, :city, :region, :postalCode, :country, :phone, 0) RETURNING " + COLUMNS), postal)
                .bind("userId", userId.value())
                .map((rs, ctx) -> address(rs))
                .one());
    }

    @Override
    public boolean update(UserId userId, AddressId id, PostalAddress postal) {
        return database.withHandle(h -> bindPostal(h.createUpdate("UPDATE address SET name = :name, line1 = :line1,"
                        + " line2 = :line2, city = :city, region = :region, postal_code = :postalCode,"
                        + " country = :country, phone = :phone WHERE id = :id AND user_id = :userId"), postal)
                .bind("id", id.value())
                .bind("userId", userId.value())
                .execute()) > 0;
    }

    @Override
    public boolean makeDefault(UserId userId, AddressId id) {
        return database.withHandle(h -> {
            boolean owned = h.createQuery("SELECT COUNT(*) FROM address WHERE id = :id AND user_id = :userId")
                    .bind("id", id.value())
                    .bind("userId", userId.value())
                    .mapTo(Integer.class)
                    .one() > 0;
            if (!owned) {
                return false; // checked first: the old default must not be cleared for a stranger's id
            }
            // Two statements: PostgreSQL checks the one-default unique index row by row, so one
            // UPDATE that sets the new flag before it clears the old one would collide with itself.
            h.createUpdate("UPDATE address SET is_default = 0 WHERE user_id = :userId AND is_default = 1"
                            + " AND id <> :id")
                    .bind("id", id.value())
                    .bind("userId", userId.value())
                    .execute();
            return h.createUpdate("UPDATE address SET is_default = 1 WHERE id = :id AND user_id = :userId")
                    .bind("id", id.value())
                    .bind("userId", userId.value())
                    .execute() > 0;
        });
    }

    @Override
    public boolean delete(UserId userId, AddressId id) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM address WHERE id = :id AND user_id = :userId")
                .bind("id", id.value())
                .bind("userId", userId.value())
                .execute()) > 0;
    }

    @Override
    public int deleteAllOf(UserId userId) {
        return database.withHandle(h -> h.createUpdate("DELETE FROM address WHERE user_id = :userId")
                .bind("userId", userId.value())
                .execute());
    }

    /** Binds the columns of a postal address by name. */
    private static <S extends SqlStatement<S>> S bindPostal(S statement, PostalAddress a) {
        return statement.bind("name", a.name())
                .bind("line1", a.line1())
                .bind("line2", a.line2())
                .bind("city", a.city())
                .bind("region", a.region())
                .bind("postalCode", a.postalCode())
                .bind("country", a.country().code())
                .bind("phone", a.phone());
    }
}
