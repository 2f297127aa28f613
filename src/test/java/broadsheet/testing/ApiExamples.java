package broadsheet.testing;

import java.net.http.HttpResponse;
import java.util.function.Function;

/**
 * Example calls of documented API operations, for {@code OpenApiConformanceTest}: each part of the API
 * registers its own in a class of its tests, listed (one line each) in
 * {@code src/test/resources/META-INF/services/broadsheet.testing.ApiExamples}. An operation in
 * /api/openapi.json without a call fails that test; every answer is checked against the document.
 */
public interface ApiExamples {

    /** Registers this part's calls; several per operation are welcome (a good request and a bad one). */
    void register(Registry registry);

    interface Registry {
        /** A call of the operation with this operationId, made against the shared app with the shared helpers. */
        void call(String operationId, Function<ApiExampleContext, HttpResponse<String>> call);
    }
}
