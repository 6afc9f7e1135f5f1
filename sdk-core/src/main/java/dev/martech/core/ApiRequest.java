package dev.martech.core;

import dev.martech.core.http.MultipartPart;
import dev.martech.core.http.PercentEncoding;
import dev.martech.core.http.RequestBody;
import dev.martech.core.internal.Checks;
import dev.martech.core.json.OpenEnum;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The description of one operation call, as built by generated code: method, path template with its
 * parameters, query, headers, body and the error model per status. Immutable once built; it holds no
 * base URL or credentials, which the {@link ClientRuntime} adds.
 */
public final class ApiRequest {
    private final String method;
    private final String pathTemplate;
    private final String encodedPath;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final Object jsonBody;
    private final RequestBody rawBody;
    // status → model, as two small arrays (a map per call cost boxing, nodes and a copy)
    private final int[] errorStatuses;
    private final Class<?>[] errorClasses;
    private final Class<?> defaultErrorType;
    private final List<String> requiredHeaders;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        this.encodedPath = expand(b.pathTemplate, b);
        this.query = List.copyOf(b.query);
        this.headers = b.headers == null ? Map.of() : Map.copyOf(b.headers);
        this.jsonBody = b.jsonBody;
        this.rawBody = b.rawBody;
        this.errorStatuses = Arrays.copyOf(b.errorStatuses, b.errorCount);
        this.errorClasses = Arrays.copyOf(b.errorClasses, b.errorCount);
        this.defaultErrorType = b.defaultErrorType;
        this.requiredHeaders = b.requiredHeaders == null ? List.of() : List.copyOf(b.requiredHeaders);
    }

    /**
     * Headers the operation requires that come from the client's defaults or the call's options rather than
     * from an argument (e.g. Contactflow's {@code Node}); checked before the call is sent.
     */
    public List<String> requiredHeaders() {
        return requiredHeaders;
    }

    public static Builder builder(String method, String pathTemplate) {
        return new Builder(method, pathTemplate);
    }

    public String method() {
        return method;
    }

    /** The path as the spec writes it, e.g. {@code /v1/campaign/{campaign_id}/status}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The path with parameters substituted and percent-encoded. */
    public String encodedPath() {
        return encodedPath;
    }

    public List<Map.Entry<String, String>> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A model to send as JSON, or null. */
    public Object jsonBody() {
        return jsonBody;
    }

    /** A non-JSON body (multipart, binary), or null. */
    public RequestBody rawBody() {
        return rawBody;
    }

    /** The declared error model for a status, falling back to the API's default error model. */
    public Class<?> errorTypeFor(int status) {
        Class<?> type = errorType(status);
        if (type == null) {
            type = errorType(status / 100); // a "4XX"/"5XX" range response, registered as 4 or 5
        }
        return type != null ? type : defaultErrorType;
    }

    private Class<?> errorType(int status) {
        for (int i = 0; i < errorStatuses.length; i++) {
            if (errorStatuses[i] == status) {
                return errorClasses[i];
            }
        }
        return null;
    }

    /** A value as the API expects it in a path, query or header: ISO dates, enum wire values. */
    public static String format(Object value) {
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        if (value instanceof LocalDate) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
        }
        if (value instanceof OpenEnum) {
            return String.valueOf(((OpenEnum<?>) value).value());
        }
        if (value instanceof Enum) {
            return value.toString(); // generated enums print their wire value
        }
        return String.valueOf(value);
    }

    private static String expand(String template, Builder parameters) {
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("path template " + template + " has an unclosed '{' at index " + open);
            }
            String name = template.substring(open + 1, close);
            String value = parameters.pathParameter(name);
            if (value == null) {
                throw new IllegalArgumentException("path parameter " + name + " of " + template + " is required but was not set");
            }
            sb.append(template, i, open).append(PercentEncoding.encodePathSegment(value));
            i = close + 1;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }

    private static MultipartPart part(Map.Entry<String, Object> field) {
        return field.getValue() instanceof Upload ? ((Upload) field.getValue()).toPart(field.getKey())
                : MultipartPart.field(field.getKey(), format(field.getValue()));
    }

    private static RequestBody urlEncoded(List<Map.Entry<String, Object>> fields) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : fields) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(PercentEncoding.encodeQueryComponent(e.getKey())).append('=')
                    .append(PercentEncoding.encodeQueryComponent(format(e.getValue())));
        }
        return RequestBody.bytes("application/x-www-form-urlencoded",
                sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static final class Builder {
        private final String method;
        private final String pathTemplate;
        // Sized for a typical operation, and the rarely used ones created on first use: one builder per call.
        private String[] pathNames = new String[2];
        private String[] pathValues = new String[2];
        private int pathCount;
        private final List<Map.Entry<String, String>> query = new ArrayList<>(4);
        private Map<String, String> headers;
        private Object jsonBody;
        private RequestBody rawBody;
        private int[] errorStatuses = new int[4];
        private Class<?>[] errorClasses = new Class<?>[4];
        private int errorCount;
        private Class<?> defaultErrorType;
        private List<Map.Entry<String, Object>> formParameters;
        private List<String> requiredHeaders;
        private boolean multipartForm;

        private Builder(String method, String pathTemplate) {
            this.method = Checks.notBlank("method", method);
            this.pathTemplate = Checks.notBlank("pathTemplate", pathTemplate);
        }

        /** Substitutes {@code {name}}; the value is required and is encoded as one path segment. */
        public Builder pathParameter(String name, Object value) {
            String formatted = Checks.pathSegment(name, format(Checks.required(name, value)));
            for (int i = 0; i < pathCount; i++) {
                if (Objects.equals(pathNames[i], name)) {
                    pathValues[i] = formatted; // set again: the last value wins
                    return this;
                }
            }
            if (pathCount == pathNames.length) {
                pathNames = Arrays.copyOf(pathNames, pathCount * 2);
                pathValues = Arrays.copyOf(pathValues, pathCount * 2);
            }
            pathNames[pathCount] = name;
            pathValues[pathCount++] = formatted;
            return this;
        }

        /**
         * Adds a query parameter; null is skipped, a collection is repeated ({@code a=1&a=2}). Use
         * {@link #queryParameterCsv} for the comma-separated style.
         */
        public Builder queryParameter(String name, Object value) {
            if (value instanceof Collection) {
                for (Object item : (Collection<?>) value) {
                    if (item != null) {
                        query.add(Map.entry(name, format(item)));
                    }
                }
            } else if (value != null) {
                query.add(Map.entry(name, format(value)));
            }
            return this;
        }

        /** Adds a collection as one comma-separated value (null and empty are skipped). */
        public Builder queryParameterCsv(String name, Collection<?> values) {
            if (values != null && !values.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (Object item : values) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(format(item));
                }
                query.add(Map.entry(name, sb.toString()));
            }
            return this;
        }

        /** Sets a header; null is skipped; CR/LF in the value are rejected. */
        public Builder header(String name, Object value) {
            if (value != null) {
                String formatted = format(value);
                if (headers == null) {
                    headers = new LinkedHashMap<>();
                }
                headers.put(Checks.headerName(name), Checks.headerValue(name, formatted));
            }
            return this;
        }

        public Builder jsonBody(Object body) {
            this.jsonBody = body;
            return this;
        }

        public Builder body(RequestBody body) {
            this.rawBody = body;
            return this;
        }

        public Builder multipart(List<MultipartPart> parts) {
            this.rawBody = RequestBody.multipart(parts);
            return this;
        }

        /** A header that must be present once client defaults and call options are applied. */
        public Builder requiredHeader(String name) {
            if (requiredHeaders == null) {
                requiredHeaders = new ArrayList<>();
            }
            requiredHeaders.add(Checks.headerName(name));
            return this;
        }

        /** A form field (null skipped, collections repeated); an {@link Upload} becomes a file part. */
        public Builder formParameter(String name, Object value) {
            if (value instanceof Collection) {
                ((Collection<?>) value).forEach(v -> formParameter(name, v));
            } else if (value != null) {
                if (formParameters == null) {
                    formParameters = new ArrayList<>();
                }
                formParameters.add(Map.entry(name, value));
            }
            return this;
        }

        /** Sends the form parameters as multipart/form-data rather than application/x-www-form-urlencoded. */
        public Builder multipartForm() {
            this.multipartForm = true;
            return this;
        }

        /** A binary body from an upload, with the content type the operation declares. */
        public Builder body(Upload upload, String contentType) {
            this.rawBody = upload == null ? null : upload.toRequestBody(contentType);
            return this;
        }

        /** The model of the error body the spec declares for {@code status} (a status, or 4 / 5 for a 4XX / 5XX range). */
        public Builder errorType(int status, Class<?> type) {
            Objects.requireNonNull(type);
            for (int i = 0; i < errorCount; i++) {
                if (errorStatuses[i] == status) {
                    errorClasses[i] = type; // registered again: the last model wins
                    return this;
                }
            }
            if (errorCount == errorStatuses.length) {
                errorStatuses = Arrays.copyOf(errorStatuses, errorCount * 2);
                errorClasses = Arrays.copyOf(errorClasses, errorCount * 2);
            }
            errorStatuses[errorCount] = status;
            errorClasses[errorCount++] = type;
            return this;
        }

        /** The model of the spec's {@code default} response. */
        public Builder defaultErrorType(Class<?> type) {
            this.defaultErrorType = type;
            return this;
        }

        private String pathParameter(String name) {
            for (int i = 0; i < pathCount; i++) {
                if (Objects.equals(pathNames[i], name)) {
                    return pathValues[i];
                }
            }
            return null;
        }

        public ApiRequest build() {
            if (formParameters != null && !formParameters.isEmpty()) {
                rawBody = multipartForm || formParameters.stream().anyMatch(e -> e.getValue() instanceof Upload)
                        ? RequestBody.multipart(formParameters.stream().map(ApiRequest::part).toList())
                        : urlEncoded(formParameters);
            } else if (multipartForm && rawBody == null) {
                rawBody = RequestBody.multipart(List.of());
            }
            if (jsonBody != null && rawBody != null) {
                throw new IllegalStateException("a request has either a JSON body or a raw body, not both");
            }
            return new ApiRequest(this);
        }
    }
}
