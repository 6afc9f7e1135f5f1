package dev.martech.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.martech.core.HttpResponseFor;
import dev.martech.core.paging.AbstractPage;
import dev.martech.core.BinaryResponse;
import dev.martech.core.Upload;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * One operation's contract check. {@link ContractKit#call} stubs the documented success response (a sample
 * synthesised from its schema); the test then takes each argument from {@link #param} / {@link #body} (a
 * sample of the spec's parameter, converted to the generated method's own parameter type with the client's
 * mapper), calls the generated method, and hands the response to {@link #verify}, which checks the one
 * request received against the spec and the samples, and the typed response against the stubbed body.
 */
public final class ContractCall {
    /** The bytes of every uploaded file (binary bodies and multipart file parts). */
    static final byte[] UPLOAD_BYTES = "contract-test upload\n\u00e9\u00ff\u0000 end".getBytes(StandardCharsets.ISO_8859_1);
    /** The bytes of every stubbed non-JSON (streamed) response. */
    static final byte[] DOWNLOAD_BYTES = "id,name\r\n1,\"sample \u00e4\"\r\n".getBytes(StandardCharsets.UTF_8);
    /** Where a stubbed redirect-only operation points (another origin, so following it would be visible). */
    static final String REDIRECT_LOCATION = "https://redirect.invalid/oauth/dialog?state=contract";
    /** {@code -Dcontract.trace=true} prints each exchange (request sent, response stubbed and read back). */
    private static final boolean TRACE = Boolean.getBoolean("contract.trace");
    private static volatile Path uploadFile;

    private final ContractKit kit;
    private final ContractOperation op;
    private final Map<String, JsonNode> params = new LinkedHashMap<>();
    private final Map<String, Object> formFields = new LinkedHashMap<>();
    private Object body;
    private boolean bodyPassed;

    private int stubStatus;
    private JsonNode stubJson;
    private byte[] stubBytes;

    ContractCall(ContractKit kit, ContractOperation op) {
        this.kit = kit;
        this.op = op;
    }

    public ContractOperation operation() {
        return op;
    }

    /**
     * The sample argument for the spec's parameter {@code in}/{@code name} ({@code in} is path, query, header,
     * cookie, or form for a property of a form body), as {@code type}, the generated method's parameter type.
     */
    public <T> T param(String in, String name, TypeReference<T> type) {
        return param(in, name, mapper().getTypeFactory().constructType(type));
    }

    /** {@link #param(String, String, TypeReference)} for a type that is not generic. */
    public <T> T param(String in, String name, Class<T> type) {
        return param(in, name, mapper().getTypeFactory().constructType(type));
    }

    private <T> T param(String in, String name, JavaType javaType) {
        Schema<?> schema;
        if ("form".equals(in)) {
            schema = formProperties().get(name);
            if (schema == null) {
                throw new AssertionError(op.label() + ": the generated method has a form parameter '" + name
                        + "' that the spec's request body does not declare");
            }
        } else {
            Parameter p = op.parameter(in, name);
            if (p == null) {
                throw new AssertionError(op.label() + ": the generated method has a " + in + " parameter '" + name
                        + "' that the spec does not declare");
            }
            schema = parameterSchema(p);
        }
        if (isUpload(javaType)) {
            if ("form".equals(in)) {
                formFields.put(name, UPLOAD_BYTES);
            }
            return uploadOf(javaType);
        }
        JsonNode sample = new SampleJson(op, SampleJson.Direction.REQUEST).parameter(schema);
        if ("form".equals(in)) {
            formFields.put(name, sample);
        } else {
            params.put(in + ":" + op.parameter(in, name).getName(), sample);
        }
        return convert(sample, javaType, in + " parameter '" + name + "'");
    }

    /** The sample request body as {@code type}: a sample of the body schema, or an upload for a binary body. */
    public <T> T body(TypeReference<T> type) {
        return body(mapper().getTypeFactory().constructType(type));
    }

    /** {@link #body(TypeReference)} for a type that is not generic. */
    public <T> T body(Class<T> type) {
        return body(mapper().getTypeFactory().constructType(type));
    }

    private <T> T body(JavaType javaType) {
        if (op.requestMediaType() == null) {
            throw new AssertionError(op.label() + ": the generated method takes a body the spec does not declare");
        }
        bodyPassed = true;
        if (isUpload(javaType)) {
            body = UPLOAD_BYTES;
            return uploadOf(javaType);
        }
        JsonNode sample = new SampleJson(op, SampleJson.Direction.REQUEST).sample(op.requestSchema());
        body = sample;
        return convert(sample, javaType, "request body");
    }

    /** The JSON body sample handed out by {@link #body}, or null (for tests of the kit). */
    JsonNode sentBodySample() {
        return body instanceof JsonNode json ? json : null;
    }

    /** Checks the request sent ({@link #verifyRequest()}) and then the response ({@link #verifyResponse}). */
    public void verify(HttpResponseFor<?> response) {
        verifyRequest();
        verifyResponse(response);
    }

    /**
     * Checks the one request the server received: method; path with percent-encoded parameters (under the
     * spec's base path); query parameters by name and value, arrays repeated or delimited as the spec's style
     * says; the API's credentials; header parameters (including those the client supplies itself, e.g.
     * Contactflow's {@code Node}); Content-Type; and the body (JSON compared semantically with the sample
     * passed in, form fields, multipart parts, or the uploaded bytes). Also fails when the generated method
     * offers no argument for a parameter the spec declares.
     */
    public void verifyRequest() {
        List<ServeEvent> events = kit.server().getAllServeEvents();
        assertThat(events).as("%s: requests the server received", op.label()).hasSize(1);
        LoggedRequest request = events.get(0).getRequest();
        if (TRACE) {
            System.out.printf("[contract] %s%n  sent     %s %s%n  headers  %s%n  body     %s%n  stubbed  %s %s%n", op.label(),
                    request.getMethod(), request.getUrl(), request.getHeaders().all(),
                    new String(request.getBody() == null ? new byte[0] : request.getBody(), StandardCharsets.UTF_8),
                    stubStatus, stubJson != null ? stubJson : stubBytes != null ? stubBytes.length + " bytes" : "(no body)");
        }
        SoftAssertions soft = new SoftAssertions();

        checkArgumentsOffered(soft);

        soft.assertThat(request.getMethod().getName()).as("%s: HTTP method", op.label()).isEqualTo(op.method());

        String url = request.getUrl();
        int q = url.indexOf('?');
        String rawPath = q < 0 ? url : url.substring(0, q);
        String rawQuery = q < 0 ? "" : url.substring(q + 1);
        soft.assertThat(WireFormat.canonicalPath(rawPath)).as("%s: path (raw %s)", op.label(), rawPath)
                .isEqualTo(WireFormat.canonicalPath(op.basePath() + expectedPath()));

        List<String> expectedQuery = expectedQuery();
        SecurityScheme scheme = op.clientScheme();
        if (scheme != null && scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.QUERY) {
            expectedQuery.add(scheme.getName() + "=" + ContractKit.TOKEN);
        }
        soft.assertThat(WireFormat.queryEntries(rawQuery)).as("%s: query parameters (raw %s)", op.label(), rawQuery)
                .containsExactlyInAnyOrderElementsOf(expectedQuery);

        checkAuth(soft, request, scheme);
        checkHeaders(soft, request);
        checkBody(soft, request);
        soft.assertAll();
    }

    /**
     * Checks the response: the documented success status, and that the typed body re-serialised with the
     * client's mapper equals the stubbed sample (see {@link JsonDiff} for the two normalisations); for a
     * streamed body, the bytes; for an operation without a documented body, that there is none.
     */
    public void verifyResponse(HttpResponseFor<?> response) {
        assertThat(response).as("%s: response", op.label()).isNotNull();
        assertThat(response.status()).as("%s: status", op.label()).isEqualTo(stubStatus);
        Object typed = response.parse();
        if (typed instanceof AbstractPage<?, ?, ?, ?> page) {
            typed = page.response(); // a paged operation: the page wraps the API's own response
        }
        if (stubStatus >= 300 && stubStatus < 400) {
            assertThat(typed).as("%s: the redirect's Location, not followed", op.label())
                    .isEqualTo(java.net.URI.create(REDIRECT_LOCATION));
        } else if (stubJson != null) {
            assertThat(typed).as("%s: typed body of the %s response", op.label(), stubStatus).isNotNull();
            JsonNode back = mapper().valueToTree(typed);
            if (TRACE) {
                System.out.printf("  typed    %s%n  back     %s%n", typed.getClass().getName(), back);
            }
            assertThat(JsonDiff.diff(stubJson, back))
                    .as("%s: response round trip, stubbed %s vs. %s re-serialised %s", op.label(), stubJson,
                            typed.getClass().getName(), back)
                    .isEmpty();
        } else if (stubBytes != null) {
            byte[] received;
            if (typed instanceof BinaryResponse binary) {
                try (InputStream in = binary.stream()) {
                    received = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    binary.close();
                }
            } else if (typed instanceof String text) {
                received = text.getBytes(StandardCharsets.UTF_8);
            } else {
                throw new AssertionError(op.label() + ": a " + op.responseMediaType()
                        + " response should be streamed but came back as " + (typed == null ? "null" : typed.getClass()));
            }
            assertThat(received).as("%s: bytes of the streamed %s response", op.label(), op.responseMediaType())
                    .isEqualTo(stubBytes);
        } else {
            assertThat(typed).as("%s: body of a response that documents none", op.label()).isNull();
        }
    }

    // ---- stubbing

    void stubSuccess() {
        stubStatus = op.successStatus();
        ResponseDefinitionBuilder response = aResponse().withStatus(stubStatus);
        if (stubStatus >= 300 && stubStatus < 400) {
            response.withHeader("Location", REDIRECT_LOCATION);
        }
        String media = op.responseMediaType();
        Schema<?> schema = op.responseSchema();
        if (media != null && schema != null && stubStatus != 204) {
            Schema<?> resolved = op.resolve(schema);
            boolean binary = resolved != null && "string".equals(SampleJson.type(resolved))
                    && ("binary".equals(resolved.getFormat()) || !ContractOperation.isJson(media));
            if (binary) {
                stubBytes = DOWNLOAD_BYTES;
                response.withHeader("Content-Type", media).withBody(stubBytes);
            } else {
                stubJson = new SampleJson(op, SampleJson.Direction.RESPONSE).sample(schema);
                response.withHeader("Content-Type", ContractOperation.isJson(media) ? media : "application/json")
                        .withBody(stubJson.toString());
            }
        }
        kit.server().stubFor(any(anyUrl()).willReturn(response));
    }

    // ---- expectations

    private void checkArgumentsOffered(SoftAssertions soft) {
        for (Parameter p : op.parameters()) {
            if (params.containsKey(p.getIn() + ":" + p.getName())) {
                continue;
            }
            if ("header".equals(p.getIn()) && clientHeader(p.getName()) != null) {
                continue; // supplied by the client (Contactflow's Node)
            }
            soft.fail("%s: the spec's %s %s parameter '%s' is not an argument of the generated method", op.label(),
                    Boolean.TRUE.equals(p.getRequired()) ? "required" : "optional", p.getIn(), p.getName());
        }
        if (op.formBody()) {
            for (String name : formProperties().keySet()) {
                if (!formFields.containsKey(name)) {
                    soft.fail("%s: the spec's form field '%s' is not an argument of the generated method", op.label(), name);
                }
            }
        } else if (op.requestMediaType() != null && !bodyPassed) {
            soft.fail("%s: the spec's %s request body is not an argument of the generated method", op.label(),
                    op.requestMediaType());
        }
    }

    private String expectedPath() {
        String template = op.path();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            JsonNode sample = params.get("path:" + name);
            String value = sample == null ? "{" + name + "}" : WireFormat.text(sample, ",");
            sb.append(template, i, open).append(WireFormat.encodeStrict(value));
            i = close + 1;
        }
        return sb.toString();
    }

    private List<String> expectedQuery() {
        List<String> expected = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            JsonNode sample = params.get("query:" + p.getName());
            if (sample == null || !"query".equals(p.getIn())) {
                continue;
            }
            Parameter.StyleEnum style = p.getStyle() == null ? Parameter.StyleEnum.FORM : p.getStyle();
            boolean explode = p.getExplode() == null ? style == Parameter.StyleEnum.FORM : p.getExplode();
            if (sample.isArray()) {
                if (explode) {
                    sample.forEach(item -> expected.add(p.getName() + "=" + WireFormat.text(item, ",")));
                } else {
                    String delimiter = style == Parameter.StyleEnum.SPACEDELIMITED ? " "
                            : style == Parameter.StyleEnum.PIPEDELIMITED ? "|" : ",";
                    expected.add(p.getName() + "=" + WireFormat.text(sample, delimiter));
                }
            } else if (sample.isObject()) {
                if (style == Parameter.StyleEnum.DEEPOBJECT) {
                    sample.properties().forEach(e ->
                            expected.add(p.getName() + "[" + e.getKey() + "]=" + WireFormat.text(e.getValue(), ",")));
                } else if (explode) {
                    sample.properties().forEach(e -> expected.add(e.getKey() + "=" + WireFormat.text(e.getValue(), ",")));
                } else {
                    List<String> parts = new ArrayList<>();
                    sample.properties().forEach(e -> {
                        parts.add(e.getKey());
                        parts.add(WireFormat.text(e.getValue(), ","));
                    });
                    expected.add(p.getName() + "=" + String.join(",", parts));
                }
            } else {
                expected.add(p.getName() + "=" + WireFormat.text(sample, ","));
            }
        }
        return expected;
    }

    private void checkAuth(SoftAssertions soft, LoggedRequest request, SecurityScheme scheme) {
        if (scheme == null) {
            return;
        }
        String what = op.declaredPublic() ? "credentials the client sends (operation declares security: [])" : "credentials";
        switch (scheme.getType()) {
            case HTTP:
                if ("bearer".equalsIgnoreCase(scheme.getScheme())) {
                    soft.assertThat(request.getHeader("Authorization")).as("%s: %s", op.label(), what)
                            .isEqualTo("Bearer " + ContractKit.TOKEN);
                }
                break;
            case OAUTH2:
            case OPENIDCONNECT:
                soft.assertThat(request.getHeader("Authorization")).as("%s: %s", op.label(), what)
                        .isEqualTo("Bearer " + ContractKit.TOKEN);
                break;
            case APIKEY:
                if (scheme.getIn() == SecurityScheme.In.HEADER) {
                    soft.assertThat(request.getHeader(scheme.getName())).as("%s: %s", op.label(), what)
                            .isEqualTo(ContractKit.TOKEN);
                } else if (scheme.getIn() == SecurityScheme.In.QUERY) {
                    // checked with the query; and never as a header
                    soft.assertThat(request.getHeader("Authorization")).as("%s: no Authorization header", op.label()).isNull();
                }
                break;
            default:
                break;
        }
    }

    private void checkHeaders(SoftAssertions soft, LoggedRequest request) {
        for (Parameter p : op.parameters()) {
            if (!"header".equals(p.getIn())) {
                continue;
            }
            JsonNode sample = params.get("header:" + p.getName());
            String expected = sample != null ? WireFormat.text(sample, ",") : clientHeader(p.getName());
            if (expected != null) {
                soft.assertThat(request.getHeader(p.getName())).as("%s: header %s", op.label(), p.getName())
                        .isEqualTo(expected);
            }
        }
        for (Parameter p : op.parameters()) {
            JsonNode sample = params.get("cookie:" + p.getName());
            if ("cookie".equals(p.getIn()) && sample != null) {
                String cookies = request.getHeader("Cookie");
                soft.assertThat(cookies).as("%s: Cookie header", op.label())
                        .contains(p.getName() + "=" + WireFormat.text(sample, ","));
            }
        }
    }

    private void checkBody(SoftAssertions soft, LoggedRequest request) {
        byte[] sent = request.getBody() == null ? new byte[0] : request.getBody();
        String contentType = request.getHeader("Content-Type");
        String declared = op.requestMediaType();
        if (declared == null) {
            soft.assertThat(sent).as("%s: request body (the spec declares none)", op.label()).isEmpty();
            return;
        }
        if (op.formBody()) {
            checkForm(soft, request, sent, contentType, declared);
            return;
        }
        if (!bodyPassed) {
            return;
        }
        soft.assertThat(WireFormat.baseType(contentType)).as("%s: Content-Type (spec: %s)", op.label(), declared)
                .isEqualToIgnoringCase(WireFormat.baseType(declared));
        if (body instanceof byte[] bytes) {
            soft.assertThat(sent).as("%s: uploaded bytes", op.label()).isEqualTo(bytes);
            return;
        }
        JsonNode expected = (JsonNode) body;
        JsonNode actual;
        try {
            actual = mapper().readTree(sent);
        } catch (IOException e) {
            soft.fail("%s: the request body is not JSON: %s", op.label(), new String(sent, StandardCharsets.UTF_8));
            return;
        }
        soft.assertThat(JsonDiff.diff(expected, actual))
                .as("%s: JSON body sent vs. the sample passed in %s; sent %s", op.label(), expected, actual)
                .isEmpty();
    }

    private void checkForm(SoftAssertions soft, LoggedRequest request, byte[] sent, String contentType, String declared) {
        if (ContractOperation.isMultipart(declared)) {
            soft.assertThat(WireFormat.baseType(contentType)).as("%s: Content-Type (spec: %s)", op.label(), declared)
                    .isEqualToIgnoringCase("multipart/form-data");
            Map<String, List<byte[]>> parts = new LinkedHashMap<>();
            Collection<Request.Part> received = request.getParts();
            if (received != null) {
                for (Request.Part part : received) {
                    parts.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(part.getBody().asBytes());
                }
            }
            Map<String, List<String>> expectedParts = new LinkedHashMap<>();
            Map<String, List<String>> actualParts = new LinkedHashMap<>();
            formFields.forEach((name, value) -> expectedParts.put(name, formValues(value)));
            parts.forEach((name, values) -> actualParts.put(name,
                    values.stream().map(v -> new String(v, StandardCharsets.ISO_8859_1)).toList()));
            soft.assertThat(actualParts).as("%s: multipart parts", op.label()).isEqualTo(expectedParts);
            return;
        }
        soft.assertThat(WireFormat.baseType(contentType)).as("%s: Content-Type (spec: %s)", op.label(), declared)
                .isEqualToIgnoringCase("application/x-www-form-urlencoded");
        List<String> expected = new ArrayList<>();
        formFields.forEach((name, value) -> formValues(value).forEach(v -> expected.add(name + "=" + v)));
        soft.assertThat(WireFormat.queryEntries(new String(sent, StandardCharsets.UTF_8)))
                .as("%s: form fields", op.label()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> formValues(Object value) {
        if (value instanceof byte[] bytes) {
            return List.of(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        JsonNode node = (JsonNode) value;
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(latin1(WireFormat.text(item, ","))));
        } else {
            values.add(latin1(WireFormat.text(node, ",")));
        }
        return values;
    }

    /** A UTF-8 string as the ISO-8859-1 reading of its bytes (how multipart parts are compared). */
    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    // ---- helpers

    @SuppressWarnings("rawtypes") // swagger-parser's property maps are raw
    private Map<String, Schema> formProperties() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        if (!op.formBody() || op.requestSchema() == null) {
            return properties;
        }
        collectProperties(op.resolve(op.requestSchema()), properties, 0);
        properties.entrySet().removeIf(e -> {
            Schema<?> resolved = op.resolve(e.getValue());
            return Boolean.TRUE.equals(e.getValue().getReadOnly()) || resolved != null && Boolean.TRUE.equals(resolved.getReadOnly());
        });
        return properties;
    }

    @SuppressWarnings("rawtypes")
    private void collectProperties(Schema<?> schema, Map<String, Schema> into, int depth) {
        if (schema == null || depth > 8) {
            return;
        }
        if (schema.getAllOf() != null) {
            for (Schema<?> part : schema.getAllOf()) {
                collectProperties(op.resolve(part), into, depth + 1);
            }
        }
        if (schema.getProperties() != null) {
            into.putAll(schema.getProperties());
        }
    }

    private static Schema<?> parameterSchema(Parameter p) {
        if (p.getSchema() != null) {
            return p.getSchema();
        }
        if (p.getContent() != null && !p.getContent().isEmpty()) {
            return p.getContent().values().iterator().next().getSchema();
        }
        return null;
    }

    private String clientHeader(String name) {
        for (Map.Entry<String, String> e : kit.clientHeaders().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private ObjectMapper mapper() {
        return kit.mapper();
    }

    private <T> T convert(JsonNode sample, JavaType type, String what) {
        try {
            // Through the JSON text, as the value would arrive: a tree's node types (a LongNode for -1) are
            // not what a parser reports for the same number.
            return mapper().readerFor(type).readValue(mapper().writeValueAsString(sample));
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError(op.label() + ": the spec-conformant sample " + sample + " of the " + what
                    + " cannot be read as the generated type " + type + ": " + e.getMessage(), e);
        }
    }

    private static boolean isUpload(JavaType type) {
        if (Upload.class.isAssignableFrom(type.getRawClass())) {
            return true;
        }
        return type.isCollectionLikeType() && Upload.class.isAssignableFrom(type.getContentType().getRawClass());
    }

    @SuppressWarnings("unchecked")
    private static <T> T uploadOf(JavaType type) {
        Upload upload = Upload.of(uploadFile());
        if (type.isCollectionLikeType()) {
            return (T) List.of(upload);
        }
        return (T) upload;
    }

    private static Path uploadFile() {
        Path file = uploadFile;
        if (file == null) {
            synchronized (ContractCall.class) {
                file = uploadFile;
                if (file == null) {
                    try {
                        file = Files.createTempFile("contract-upload", ".bin");
                        Files.write(file, UPLOAD_BYTES);
                        file.toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    uploadFile = file;
                }
            }
        }
        return file;
    }

    @Override
    public String toString() {
        return "ContractCall{" + op.label() + "}";
    }
}
