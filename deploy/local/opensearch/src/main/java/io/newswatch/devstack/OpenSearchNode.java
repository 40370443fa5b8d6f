package io.newswatch.devstack;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Runs one real OpenSearch node (with the official modules, percolator included) for the
 * newswatch local stack.
 *
 * <p>The runner's own main() probes for a free HTTP port and silently moves to the next one; a
 * stack that other tools must find has to bind exactly where it was told, on loopback only, or
 * fail. Hence this launcher.
 *
 * <p>Usage: OpenSearchNode BASE_PATH HTTP_PORT TRANSPORT_PORT CLUSTER_NAME
 */
public final class OpenSearchNode {
    /** Language analysers that are plugins, not modules (Polish and Ukrainian text fields). */
    private static final String LANGUAGE_PLUGINS =
            "org.opensearch.plugin.analysis.stempel.AnalysisStempelPlugin,"
            + "org.opensearch.plugin.analysis.ukrainian.AnalysisUkrainianPlugin";

    private OpenSearchNode() {}

    public static void main(final String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: OpenSearchNode BASE_PATH HTTP_PORT TRANSPORT_PORT CLUSTER_NAME");
            System.exit(2);
        }
        final String basePath = args[0];
        final int httpPort = Integer.parseInt(args[1]);
        final String transportPort = args[2];
        final String clusterName = args[3];

        final OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // take the port as given; never wander to another one
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", transportPort);
            settings.put("discovery.type", "single-node");
            // A developer laptop or CI disk is often >90% full; without this the node turns
            // every index read-only and the tests fail for reasons unrelated to newswatch.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("close failed: " + e);
            }
        }));
        try {
            runner.build(newConfigs().basePath(basePath).numOfNode(1).baseHttpPort(httpPort - 1)
                    .clusterName(clusterName).pluginTypes(LANGUAGE_PLUGINS).printOnFailure());
        } catch (final Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        runner.ensureYellow();
        System.out.println("newswatch-devstack: OpenSearch ready on 127.0.0.1:" + httpPort);
        while (!runner.isClosed()) {
            Thread.sleep(2000);
        }
    }
}
