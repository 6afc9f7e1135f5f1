package dev.martech.testkit;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of a spec, with everything a contract test needs resolved: method and path template, its
 * parameters (path-item and operation level, {@code $ref}s followed), the request body's media type and
 * schema, the documented success status with its media type and schema, and how the API authenticates.
 */
public final class ContractOperation {
    private final OpenAPI api;
    private final String method;
    private final String path;
    private final Operation operation;
    private final List<Parameter> parameters;
    private final String requestMediaType;
    private final Schema<?> requestSchema;
    private final boolean requestRequired;
    private final int successStatus;
    private final String responseMediaType;
    private final Schema<?> responseSchema;

    private ContractOperation(OpenAPI api, String method, String path, PathItem item, Operation operation) {
        this.api = api;
        this.method = method;
        this.path = path;
        this.operation = operation;
        Map<String, Parameter> params = new LinkedHashMap<>();
        for (List<Parameter> level : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (level != null) {
                for (Parameter p : level) {
                    Parameter resolved = resolveParameter(p);
                    params.put(resolved.getIn() + ":" + resolved.getName(), resolved);
                }
            }
        }
        this.parameters = List.copyOf(params.values());

        RequestBody body = resolveRequestBody(operation.getRequestBody());
        Map.Entry<String, MediaType> request = body == null ? null : first(body.getContent());
        this.requestMediaType = request == null ? null : request.getKey();
        this.requestSchema = request == null || request.getValue() == null ? null : request.getValue().getSchema();
        this.requestRequired = body != null && Boolean.TRUE.equals(body.getRequired());

        int status = -1;
        ApiResponse success = null;
        if (operation.getResponses() != null) {
            for (Map.Entry<String, ApiResponse> e : operation.getResponses().entrySet()) {
                String code = e.getKey();
                int value = code.matches("2[0-9][0-9]") ? Integer.parseInt(code) : code.equalsIgnoreCase("2XX") ? 200 : -1;
                if (value > 0 && (status < 0 || value < status)) {
                    status = value;
                    success = resolveResponse(e.getValue());
                }
            }
            if (status < 0 && operation.getResponses().get("default") != null) {
                status = 200;
                success = resolveResponse(operation.getResponses().get("default"));
            }
            if (status < 0) {
                // Redirect-only operations (OAuth connect/callback): the 3xx is the documented success.
                for (Map.Entry<String, ApiResponse> e : operation.getResponses().entrySet()) {
                    if (e.getKey().matches("3[0-9][0-9]") && (status < 0 || Integer.parseInt(e.getKey()) < status)) {
                        status = Integer.parseInt(e.getKey());
                        success = resolveResponse(e.getValue());
                    }
                }
            }
        }
        this.successStatus = status < 0 ? 200 : status;
        Map.Entry<String, MediaType> response = success == null ? null : first(success.getContent());
        this.responseMediaType = response == null ? null : response.getKey();
        this.responseSchema = response == null || response.getValue() == null ? null : response.getValue().getSchema();
    }

    /** The operation at {@code method} (any case) and {@code path} (the spec's path key); fails if absent. */
    public static ContractOperation find(OpenAPI api, String method, String path) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        if (item == null) {
            throw new AssertionError("the spec has no path " + path);
        }
        String upper = method.toUpperCase(Locale.ROOT);
        PathItem.HttpMethod httpMethod = PathItem.HttpMethod.valueOf(upper);
        Operation operation = item.readOperationsMap().get(httpMethod);
        if (operation == null) {
            throw new AssertionError("the spec has no " + upper + " " + path);
        }
        return new ContractOperation(api, upper, path, item, operation);
    }

    public OpenAPI api() {
        return api;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Operation operation() {
        return operation;
    }

    public String operationId() {
        return operation.getOperationId();
    }

    /** "createRecipient (POST /v1/campaign/{campaign_id}/recipient)". */
    public String label() {
        return operationId() + " (" + method + " " + path + ")";
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameter {@code in}/{@code name} (name matched exactly, then ignoring case for headers), or null. */
    public Parameter parameter(String in, String name) {
        for (Parameter p : parameters) {
            if (p.getIn().equals(in) && p.getName().equals(name)) {
                return p;
            }
        }
        if (in.equals("header")) {
            for (Parameter p : parameters) {
                if (p.getIn().equals(in) && p.getName().equalsIgnoreCase(name)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The first media type of the request body, or null when the operation has none. */
    public String requestMediaType() {
        return requestMediaType;
    }

    public Schema<?> requestSchema() {
        return requestSchema;
    }

    public boolean requestRequired() {
        return requestRequired;
    }

    /** Whether the request body is a form (urlencoded or multipart), whose properties are form parameters. */
    public boolean formBody() {
        return requestMediaType != null && (isMultipart(requestMediaType) || isUrlEncoded(requestMediaType));
    }

    public int successStatus() {
        return successStatus;
    }

    /** The first media type of the success response, or null when it documents no body. */
    public String responseMediaType() {
        return responseMediaType;
    }

    /** The success response's schema, or null when it documents no body. */
    public Schema<?> responseSchema() {
        return responseSchema;
    }

    /** Whether the operation declares {@code security: []} (public) rather than inheriting the API's. */
    public boolean declaredPublic() {
        return operation.getSecurity() != null && operation.getSecurity().stream().allMatch(SecurityRequirement::isEmpty);
    }

    /**
     * The scheme the client authenticates with: the first of the API's global requirements, else the
     * operation's own, else the only scheme defined. Operations declaring {@code security: []} still get it,
     * since a client sends its credentials on every call.
     */
    public SecurityScheme clientScheme() {
        Map<String, SecurityScheme> schemes = api.getComponents() == null ? null : api.getComponents().getSecuritySchemes();
        if (schemes == null || schemes.isEmpty()) {
            return null;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (api.getSecurity() != null) {
            requirements.addAll(api.getSecurity());
        }
        if (operation.getSecurity() != null) {
            requirements.addAll(operation.getSecurity());
        }
        for (SecurityRequirement requirement : requirements) {
            for (String name : requirement.keySet()) {
                if (schemes.containsKey(name)) {
                    return schemes.get(name);
                }
            }
        }
        return schemes.size() == 1 ? schemes.values().iterator().next() : null;
    }

    /** The path of the API's first server URL ("/api2", "/hub/v1"), or "" (the client's base URL carries it). */
    public String basePath() {
        return basePath(api);
    }

    /** The path of the spec's first server URL, without a trailing slash; "" when there is none. */
    public static String basePath(OpenAPI api) {
        if (api.getServers() == null || api.getServers().isEmpty() || api.getServers().get(0).getUrl() == null) {
            return "";
        }
        String url = api.getServers().get(0).getUrl();
        String p;
        try {
            p = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            p = "";
        }
        if (p == null) {
            p = "";
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Follows a {@code #/components/schemas/...} reference (chains too); the schema itself otherwise. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 32; hops++) {
            current = api.getComponents().getSchemas().get(refName(current.get$ref()));
        }
        return current;
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private Parameter resolveParameter(Parameter p) {
        Parameter current = p;
        for (int hops = 0; current.get$ref() != null && hops < 32; hops++) {
            current = Objects.requireNonNull(api.getComponents().getParameters().get(refName(current.get$ref())),
                    "parameter " + current.get$ref());
        }
        return current;
    }

    private RequestBody resolveRequestBody(RequestBody body) {
        RequestBody current = body;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 32; hops++) {
            current = api.getComponents().getRequestBodies().get(refName(current.get$ref()));
        }
        return current;
    }

    private ApiResponse resolveResponse(ApiResponse response) {
        ApiResponse current = response;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 32; hops++) {
            current = api.getComponents().getResponses().get(refName(current.get$ref()));
        }
        return current;
    }

    private static Map.Entry<String, MediaType> first(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        // JSON first when a body is offered in several types: that is the one the generated code speaks.
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
            if (isJson(e.getKey())) {
                return e;
            }
        }
        return content.entrySet().iterator().next();
    }

    static boolean isJson(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.contains("json");
    }

    static boolean isMultipart(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static boolean isUrlEncoded(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    @Override
    public String toString() {
        return label();
    }
}
