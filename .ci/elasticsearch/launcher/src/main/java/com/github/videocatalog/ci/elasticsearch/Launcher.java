package com.github.videocatalog.ci.elasticsearch;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;

/**
 * Starts one Elasticsearch node in this JVM, with its modules loaded from the classpath.
 *
 * <p>Usage: {@code java -cp 'lib/*' ...Launcher -Ekey=value ...}. The defaults below make a
 * single-node, loopback-only, plain-HTTP test node; every {@code -E} argument overrides them.
 * The process runs until it gets SIGTERM/SIGINT, then closes the node cleanly. With
 * {@code -Dvideocatalog.es.pidfile=FILE} it writes its pid there once the node has started.
 */
public final class Launcher {

    /** Modules that the stock distribution would load from its modules/ folder. */
    private static final String[] PLUGINS = {
        "org.elasticsearch.transport.Netty4Plugin",
        "org.elasticsearch.painless.PainlessPlugin",
        "org.elasticsearch.analysis.common.CommonAnalysisPlugin",
        "org.elasticsearch.index.mapper.MapperExtrasPlugin",
        "org.elasticsearch.index.reindex.ReindexPlugin",
        CiSupportPlugin.class.getName(),
    };

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "videocatalog-ci")
            .put("node.name", "videocatalog-ci-0")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", "9200")
            .put("transport.port", "9300-9399")
            .put("node.store.allow_mmap", false)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.destructive_requires_name", false);
        for (String arg : args) {
            if (!arg.startsWith("-E") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("expected -Ekey=value, got: " + arg);
            }
            int eq = arg.indexOf('=');
            builder.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String home = builder.get("path.home");
        if (home == null) {
            throw new IllegalArgumentException("-Epath.home=... is required");
        }
        Path homePath = Paths.get(home).toAbsolutePath();
        Path config = homePath.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(homePath.resolve("plugins"));
        Files.createDirectories(homePath.resolve("modules"));
        Path log4j = config.resolve("log4j2.properties");
        if (Files.notExists(log4j)) {
            try (InputStream in = Launcher.class.getResourceAsStream("/ci-log4j2.properties")) {
                Files.copy(in, log4j);
            }
        }
        Settings settings = builder.build();
        String nodeName = settings.get("node.name");

        LogConfigurator.registerErrorListener();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(env);
        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (String name : PLUGINS) {
            plugins.add(Class.forName(name).asSubclass(Plugin.class));
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Node node = new EmbeddedNode(env, plugins);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "videocatalog-es-shutdown"));
        node.start();
        String pidFile = System.getProperty("videocatalog.es.pidfile");
        if (pidFile != null) {
            Files.writeString(Paths.get(pidFile), ProcessHandle.current().pid() + "\n");
        }
        System.out.println("videocatalog-es: node started, http on " + settings.get("network.host") + ":" + settings.get("http.port"));
        stopped.await();
    }

    /** {@link Node}'s constructor that takes classpath plugins is protected. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
            super(env, plugins, true);
        }
    }
}
