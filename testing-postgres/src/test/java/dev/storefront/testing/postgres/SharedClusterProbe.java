package dev.storefront.testing.postgres;

/** Run in a JVM of its own by {@link PostgresClusterIT}: takes the shared cluster, prints where it is, exits. */
public final class SharedClusterProbe {

    private SharedClusterProbe() {
    }

    public static void main(String[] args) {
        PostgresCluster cluster = PostgresCluster.shared();
        if (PostgresCluster.shared() != cluster) {
            throw new AssertionError("shared() started a second cluster");
        }
        cluster.psql(cluster.createDatabase(), "SELECT 1");
        System.out.println(cluster.port() + " " + cluster.directory());
    }
}
