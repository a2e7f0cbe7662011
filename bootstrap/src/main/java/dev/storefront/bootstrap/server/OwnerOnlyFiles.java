package dev.storefront.bootstrap.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Takes group and other permissions away from what the server owns and keeps secrets in (the
 * database with its WAL, {@code DATA_DIR}, the outbox): one made by an earlier version, or by
 * hand under umask 022, may be readable by every local user. Only a path owned by the user the
 * server runs as is changed, and only by removing bits; each change is one INFO line.
 */
final class OwnerOnlyFiles {
    private static final System.Logger LOG = System.getLogger(OwnerOnlyFiles.class.getName());
    private static final Set<PosixFilePermission> GROUP_AND_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {}

    /**
     * Removes the group and other bits of {@code path} if it exists, is ours and has any.
     *
     * @return whether it was changed
     * @throws IOException when the permissions cannot be read or written
     */
    static boolean tighten(Path path) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.exists(path)
                || !Files.getOwner(path).equals(currentUser())) {
            return false;
        }
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> after = EnumSet.copyOf(before);
        if (!after.removeAll(GROUP_AND_OTHER)) {
            return false;
        }
        Files.setPosixFilePermissions(path, after);
        LOG.log(Level.INFO, "{0} was readable by others ({1}): now {2}, as it holds password hashes, emails or tokens",
                path, PosixFilePermissions.toString(before), PosixFilePermissions.toString(after));
        return true;
    }

    private static UserPrincipal currentUser() throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }
}
