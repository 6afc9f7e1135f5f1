package dev.martech.specs;

import java.util.Locale;

/**
 * The four specifications packaged by this module, with the operation counts they must keep.
 * {@link #toString()} is the short name used in the tests' display names, e.g. {@code [socialhub]}.
 */
public enum Spec {
    TARGETING("targeting.json", "openapi", "3.0.3", 11),
    SOCIALHUB("socialhub.yaml", "swagger", "2.0", 296),
    CONTACTHUB("contacthub.yaml", "openapi", "3.0.3", 125),
    CONTACTFLOW("contactflow.yaml", "openapi", "3.0.3", 42);

    /** Where the module's jar (and so other modules' test classpaths) carries the spec files. */
    public static final String CLASSPATH_PREFIX = "dev/martech/specs/";

    private final String fileName;
    private final String versionField;
    private final String version;
    private final int operationCount;

    Spec(String fileName, String versionField, String version, int operationCount) {
        this.fileName = fileName;
        this.versionField = versionField;
        this.version = version;
        this.operationCount = operationCount;
    }

    /** The root field naming the format's version: {@code openapi} (3.x) or {@code swagger} (2.0). */
    public String versionField() {
        return versionField;
    }

    /** The format version the spec declares. */
    public String version() {
        return version;
    }

    public boolean isSwagger2() {
        return "swagger".equals(versionField);
    }

    public String fileName() {
        return fileName;
    }

    public String classpathResource() {
        return CLASSPATH_PREFIX + fileName;
    }

    /** The number of operations (path + HTTP method pairs) the spec must define. */
    public int operationCount() {
        return operationCount;
    }

    public boolean isJson() {
        return fileName.endsWith(".json");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
