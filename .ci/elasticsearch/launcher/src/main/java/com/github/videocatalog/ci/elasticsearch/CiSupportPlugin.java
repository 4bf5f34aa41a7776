package com.github.videocatalog.ci.elasticsearch;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.elasticsearch.action.ActionRequest;
import org.elasticsearch.action.ActionResponse;
import org.elasticsearch.client.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.common.util.concurrent.ThreadContext;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.xpack.core.search.action.ClosePointInTimeAction;
import org.elasticsearch.xpack.core.search.action.OpenPointInTimeAction;
import org.elasticsearch.xpack.core.search.action.RestClosePointInTimeAction;
import org.elasticsearch.xpack.core.search.action.RestOpenPointInTimeAction;
import org.elasticsearch.xpack.core.search.action.TransportClosePointInTimeAction;
import org.elasticsearch.xpack.core.search.action.TransportOpenPointInTimeAction;

/**
 * What the CI node needs beyond the stock 7.10.2 modules:
 * <ul>
 *   <li>the point-in-time APIs ({@code POST /{index}/_pit}, {@code DELETE /_pit}), which 7.10 ships
 *       in x-pack-core: we register only those two actions, not the rest of x-pack;</li>
 *   <li>the {@code X-elastic-product: Elasticsearch} response header, which Elasticsearch sends
 *       since 7.14 and which go-elasticsearch v8 requires; 7.10.2 predates it, so every REST
 *       handler is wrapped to add it, just as later versions' RestController does.</li>
 * </ul>
 */
public final class CiSupportPlugin extends Plugin implements ActionPlugin {

    static final String PRODUCT_HEADER = "X-elastic-product";
    static final String PRODUCT = "Elasticsearch";

    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(
            new ActionHandler<>(OpenPointInTimeAction.INSTANCE, TransportOpenPointInTimeAction.class),
            new ActionHandler<>(ClosePointInTimeAction.INSTANCE, TransportClosePointInTimeAction.class));
    }

    @Override
    public List<RestHandler> getRestHandlers(Settings settings, RestController restController, ClusterSettings clusterSettings,
                                             IndexScopedSettings indexScopedSettings, SettingsFilter settingsFilter,
                                             IndexNameExpressionResolver resolver, Supplier<DiscoveryNodes> nodes) {
        return List.of(new RestOpenPointInTimeAction(), new RestClosePointInTimeAction());
    }

    @Override
    public UnaryOperator<RestHandler> getRestHandlerWrapper(ThreadContext threadContext) {
        return handler -> new ProductHeaderHandler(handler, threadContext);
    }

    private static final class ProductHeaderHandler implements RestHandler {
        private final RestHandler delegate;
        private final ThreadContext threadContext;

        ProductHeaderHandler(RestHandler delegate, ThreadContext threadContext) {
            this.delegate = delegate;
            this.threadContext = threadContext;
        }

        @Override
        public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
            threadContext.addResponseHeader(PRODUCT_HEADER, PRODUCT);
            delegate.handleRequest(request, channel, client);
        }

        @Override
        public boolean canTripCircuitBreaker() {
            return delegate.canTripCircuitBreaker();
        }

        @Override
        public boolean supportsContentStream() {
            return delegate.supportsContentStream();
        }

        @Override
        public boolean allowsUnsafeBuffers() {
            return delegate.allowsUnsafeBuffers();
        }

        @Override
        public List<Route> routes() {
            return delegate.routes();
        }

        @Override
        public List<DeprecatedRoute> deprecatedRoutes() {
            return delegate.deprecatedRoutes();
        }

        @Override
        public List<ReplacedRoute> replacedRoutes() {
            return delegate.replacedRoutes();
        }

        @Override
        public boolean allowSystemIndexAccessByDefault() {
            return delegate.allowSystemIndexAccessByDefault();
        }
    }
}
