package dev.martech.codegen;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.utils.ModelUtils;

import static org.openapitools.codegen.utils.StringUtils.camelize;

/**
 * The Java client generator: names from the reviewed naming table, one params class per operation, three
 * view classes per group, and paging decided per operation.
 *
 * <p>Names: the {@code namingTable} option names a {@code specs/naming/<spec>.tsv} ({@link NamingTable}); it
 * gives each operation its group and method and is checked when generation starts. Per operation
 * {@code <Resource><Verb>Params} (params.mustache) and, for a paged one, {@code <Resource><Verb>Page} and
 * {@code ...PageAsync} (page.mustache) are written beside the group's {@code XService},
 * {@code XServiceWithRawResponse} and {@code XServiceAsync} (api.mustache, apiRaw.mustache, apiAsync.mustache).
 *
 * <p>Paging: each paged list operation is marked with {@code x-paging} = {style, itemType, and the
 * parameter/getter names the PageRule needs}, so the templates hold no logic. Styles: {@code offset}
 * (x-pagination: offset / offset-envelope; SocialHub pagingOffset/pagingCount), {@code pageNumber}
 * (x-pagination.style: page; Contactlab page/size over {elements, page}), {@code cursor} (Targeting's
 * limit/next and {results, next}; Contacthub's declared offset-cursor; SocialHub's Facebook Graph cursor
 * {@code after} / {@code paging.cursors.after}), {@code single} (envelope and page-response lists without
 * paging parameters). start-count and offset-body cannot be paged from the spec and stay plain responses.
 */
public class MartechJavaCodegen extends JavaClientCodegen {
    private static final Logger LOGGER = LoggerFactory.getLogger(MartechJavaCodegen.class);
    private static final Pattern OFFSET = Pattern.compile("(?i).*offset.*");
    private static final Pattern COUNT = Pattern.compile("(?i).*(count|limit|size).*");

    public MartechJavaCodegen() {
        super();
        // Names the templates use for their own arguments and locals, so a spec parameter never shadows them.
        reservedWords.addAll(List.of("options", "params", "runtime", "optional", "firstParams", "apiRequest",
                "pageResponse", "pageCursor", "pageOffset", "pageSize", "pageCount", "pageNumber", "startOffset",
                "startPage", "builder", "none", "toBuilder", "build", "toRequest", "checkedParams", "checkedOptions",
                "pageParams", "pageBody"));
        // Model properties whose accessor would clash with a method every model or builder has.
        reservedWords.addAll(List.of("validate", "tobuilder", "self", "hashcode", "tostring", "getclass", "notify",
                "notifyall", "wait", "clone", "finalize", "additionalproperties", "equals"));
    }

    /**
     * An expression reading a model property null-tolerantly, without its final {@code ()}: models have no
     * {@code getX()}; {@code _x().valueOrNull()} is null when absent or null and throws when unreadable. Used
     * for the paging expressions (items, next cursor, total pages).
     */
    @Override
    public String toGetter(String name) {
        return "_" + toVarName(name) + "().valueOrNull";
    }

    /**
     * Models: open enums keep the spec's order (see openEnumBody.mustache), and every class gets a Javadoc
     * first sentence ({@code x-class-doc}): the schema's description, else its title, else where it is used
     * (request or response of which operations, property of which models).
     */
    @Override
    public Map<String, org.openapitools.codegen.model.ModelsMap> postProcessAllModels(
            Map<String, org.openapitools.codegen.model.ModelsMap> objs) {
        Map<String, org.openapitools.codegen.model.ModelsMap> result = super.postProcessAllModels(objs);
        rejectModelsNamedParams(result);
        Map<String, java.util.Set<String>> usedBy = usages(result);
        for (org.openapitools.codegen.model.ModelsMap models : result.values()) {
            for (org.openapitools.codegen.model.ModelMap entry : models.getModels()) {
                org.openapitools.codegen.CodegenModel model = entry.getModel();
                model.vendorExtensions.put("x-class-doc", classDoc(model, usedBy.get(model.classname)));
                // allOf with one $ref (REF_AS_PARENT_IN_ALLOF): the subtype extends its parent and its builder
                // the parent's builder, so the parent's properties are not generated twice.
                if (model.hasChildren || model.parent != null) {
                    model.vendorExtensions.put("x-in-hierarchy", Boolean.TRUE);
                }
            }
        }
        return result;
    }

    private String classDoc(org.openapitools.codegen.CodegenModel model, java.util.Set<String> uses) {
        if (model.description != null && !model.description.isBlank()) {
            return html(model.description.trim());
        }
        if (model.title != null && !model.title.isBlank()) {
            return html(model.title.trim()) + ".";
        }
        if (uses == null || uses.isEmpty()) {
            return "The {@code " + model.name + "} schema of the spec (not referenced by any operation).";
        }
        List<String> list = new java.util.ArrayList<>(uses);
        String shown = String.join("; ", list.subList(0, Math.min(3, list.size())));
        return "Used as " + shown + (list.size() > 3 ? "; and in " + (list.size() - 3) + " more places" : "") + ".";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Where each model class is used: as an operation's request or response body, or as a model's property. */
    private Map<String, java.util.Set<String>> usages(Map<String, org.openapitools.codegen.model.ModelsMap> models) {
        Map<String, java.util.Set<String>> usedBy = new java.util.TreeMap<>();
        if (openAPI != null && openAPI.getPaths() != null) {
            openAPI.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String id = operation.getOperationId() != null ? operation.getOperationId() : method + " " + path;
                if (operation.getRequestBody() != null) {
                    io.swagger.v3.oas.models.parameters.RequestBody body =
                            ModelUtils.getReferencedRequestBody(openAPI, operation.getRequestBody());
                    Schema<?> schema = body == null ? null : ModelUtils.getSchemaFromRequestBody(body);
                    referencedModel(schema).ifPresent(m -> add(usedBy, m, "the request body of {@code " + id + "}"));
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().forEach((code, response) -> {
                        ApiResponse resolved = ModelUtils.getReferencedApiResponse(openAPI, response);
                        Schema<?> schema = resolved == null ? null : ModelUtils.getSchemaFromResponse(openAPI, resolved);
                        referencedModel(schema).ifPresent(m -> add(usedBy, m,
                                "the " + code + " response of {@code " + id + "}"));
                    });
                }
            }));
        }
        for (org.openapitools.codegen.model.ModelsMap map : models.values()) {
            for (org.openapitools.codegen.model.ModelMap entry : map.getModels()) {
                org.openapitools.codegen.CodegenModel owner = entry.getModel();
                for (org.openapitools.codegen.CodegenProperty property : owner.vars) {
                    org.openapitools.codegen.CodegenProperty inner = property;
                    while (inner.items != null) {
                        inner = inner.items;
                    }
                    if (inner.complexType != null) {
                        add(usedBy, inner.complexType, "property {@code " + property.baseName + "} of {@link "
                                + owner.classname + "}");
                    }
                }
            }
        }
        return usedBy;
    }

    private java.util.Optional<String> referencedModel(Schema<?> schema) {
        while (schema != null && schema.getItems() != null && schema.get$ref() == null) {
            schema = schema.getItems();
        }
        if (schema == null || schema.get$ref() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(toModelName(ModelUtils.getSimpleRef(schema.get$ref())));
    }

    private static void add(Map<String, java.util.Set<String>> usedBy, String model, String use) {
        usedBy.computeIfAbsent(model, k -> new java.util.LinkedHashSet<>()).add(use);
    }

    /** A form field called "file" is common (uploads) and not a Java keyword; the model File stays ModelFile. */
    @Override
    public String toParamName(String name) {
        return "file".equals(name) ? name : super.toParamName(name);
    }

    @Override
    public String getName() {
        return "martech-java";
    }

    @Override
    public String getHelp() {
        return "Java client on dev.martech sdk-core, with paging detection.";
    }

    /**
     * Of the stock supporting files (ApiClient, JSON, auth…) none is wanted: sdk-core replaces them. The one
     * supporting file is the {@code apisClassName} class giving lazy access to every tag's API class, which
     * the hand-written client extends.
     */
    @Override
    public void processOpts() {
        super.processOpts();
        supportingFiles.clear();
        Object apisClass = additionalProperties.get("apisClassName");
        if (apisClass != null) {
            String folder = (sourceFolder + java.io.File.separator + apiPackage).replace('.', java.io.File.separatorChar);
            supportingFiles.add(new org.openapitools.codegen.SupportingFile("apis.mustache", folder, apisClass + ".java"));
            supportingFiles.add(new org.openapitools.codegen.SupportingFile("apisView.mustache", folder, apisClass + "WithRawResponse.java"));
            supportingFiles.add(new org.openapitools.codegen.SupportingFile("apisAsync.mustache", folder, apisClass + "Async.java"));
        }
        // One class per group and view: XService (blocking), XServiceWithRawResponse, XServiceAsync.
        setApiNameSuffix("Service");
        apiTemplateFiles.clear();
        apiTemplateFiles.put("api.mustache", ".java");
        apiTemplateFiles.put("apiRaw.mustache", "WithRawResponse.java");
        apiTemplateFiles.put("apiAsync.mustache", "Async.java");
        Object table = additionalProperties.get("namingTable");
        if (table != null) {
            Object suffixes = additionalProperties.get("vendorSuffixes");
            naming = NamingTable.load(java.nio.file.Path.of(table.toString()),
                    suffixes == null ? List.of() : java.util.Arrays.stream(suffixes.toString().split(",")).map(String::trim)
                            .filter(x -> !x.isEmpty()).toList());
        }
    }

    /**
     * Does nothing: the stock generator serialises the whole spec to YAML here for its {@code api/openapi.yaml}
     * supporting file, which {@link #processOpts} removes with the others (about 5 % of a large spec's
     * generation time, for nothing).
     */
    @Override
    public void generateYAMLSpecFile(Map<String, Object> objs) {
    }

    /** The reviewed names of the operations (specs/naming/<spec>.tsv); null when the option is not set. */
    private NamingTable naming;

    /**
     * With {@code readableInlineNames=true}: the inline-model resolver names a schema written inline by
     * where it sits ({@code getLinkedinTargetingOptions_200_response_industries_inner_jobFunctions_inner}),
     * which the stock generator turns into names of up to 155 characters. Each such schema is instead named
     * by the shortest tail of that path that is unique: the property it is the value of (singular for an
     * array item), prefixed by as many enclosing properties as needed ({@code IndustryJobFunction}).
     * Top-level request and response bodies keep their operation's name. Explicit modelNameMappings win.
     */
    @Override
    public void preprocessOpenAPI(io.swagger.v3.oas.models.OpenAPI openAPI) {
        super.preprocessOpenAPI(openAPI);
        if (naming != null) {
            naming.checkCovers(openAPI);
        }
        if (!Boolean.parseBoolean(String.valueOf(additionalProperties.get("readableInlineNames")))
                || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        // java.lang, java.util and sdk-core names would shadow the real ones in generated code.
        java.util.Set<String> taken = new java.util.HashSet<>(List.of("Object", "String", "Integer", "Long", "Short",
                "Byte", "Boolean", "Double", "Float", "Number", "Character", "Class", "Void", "Error", "Exception",
                "Record", "Enum", "Module", "Package", "Process", "Runtime", "System", "Thread", "List", "Map", "Set",
                "Date", "File", "Optional", "Objects", "Arrays", "Collections", "Upload",
                // sdk-core types the generated code uses
                "Page", "Paging", "AutoPager", "ApiModel", "JsonField", "OpenEnum", "OneOfDeserializer", "ApiResponse",
                "ApiRequest", "RequestOptions", "BinaryResponse", "ResponseType", "ClientRuntime"));
        List<String> inline = new java.util.ArrayList<>();
        for (String name : openAPI.getComponents().getSchemas().keySet()) {
            if (name.contains("_") && !modelNameMapping.containsKey(name)) {
                inline.add(name);
            } else {
                taken.add(camelize(modelNameMapping.getOrDefault(name, name)));
            }
        }
        java.util.Collections.sort(inline);
        for (String name : inline) {
            List<String> candidates = readableCandidates(name);
            String chosen = null;
            for (String candidate : candidates) {
                if (!taken.contains(candidate)) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                String longest = candidates.get(candidates.size() - 1);
                int n = 2;
                while (taken.contains(longest + n)) {
                    n++;
                }
                chosen = longest + n;
            }
            taken.add(chosen);
            modelNameMapping.put(name, chosen);
        }
    }

    /** Names for an inline schema, shortest first; see {@link #preprocessOpenAPI}. */
    static List<String> readableCandidates(String inlineName) {
        String[] tokens = inlineName.split("_");
        if (tokens[0].equals("inline")) {
            return List.of(camelize(inlineName)); // inline_object_1: no path to name it by
        }
        String root = tokens[0];
        List<String> segments = new java.util.ArrayList<>();
        String suffix = "";
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty() || t.matches("[0-9]+") || t.equals("oneOf") || t.equals("anyOf") || t.equals("allOf")) {
                if (t.matches("[0-9]+") && i == tokens.length - 1) {
                    suffix = t; // a numbered duplicate (CreateRecipientPayload_oneOf_1)
                }
                continue;
            }
            if (t.equals("inner")) {
                if (!segments.isEmpty()) {
                    segments.set(segments.size() - 1, singular(segments.get(segments.size() - 1)));
                }
                continue;
            }
            if ((t.equals("response") || t.equals("request")) && segments.isEmpty()) {
                root = root + "_" + t; // the operation's own body: keep the operation name
                continue;
            }
            segments.add(t);
        }
        List<String> out = new java.util.ArrayList<>();
        String rootName = camelize(root.replace("_response", "Response").replace("_request", "Request"));
        if (segments.isEmpty()) {
            out.add(rootName + suffix);
            return out;
        }
        for (int take = Math.min(2, segments.size()); take <= segments.size(); take++) {
            StringBuilder sb = new StringBuilder();
            for (String segment : segments.subList(segments.size() - take, segments.size())) {
                sb.append(camelize(segment.replaceAll("[^A-Za-z0-9]", "")));
            }
            out.add(sb + suffix);
        }
        out.add(rootName.replace("Response", "").replace("Request", "") + out.get(out.size() - 1));
        return out;
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word + "Item";
    }

    @Override
    public CodegenOperation fromOperation(String path, String httpMethod, Operation operation, List<Server> servers) {
        CodegenOperation op = super.fromOperation(path, httpMethod, operation, servers);
        moveClientHeaders(op);
        name(op, operation);
        describeResponse(op);
        describeErrors(op);
        describeBody(op);
        typeTokens(op);
        Map<String, Object> paging = paging(op, operation);
        if (paging != null) {
            op.vendorExtensions.put("x-paging", paging);
            op.vendorExtensions.put("x-paging-" + paging.get("style"), Boolean.TRUE);
            op.vendorExtensions.put("x-item-type", paging.get("itemType"));
        }
        return op;
    }

    /**
     * For the generated contract tests (api_test.mustache): each parameter's Java type as an argument of
     * ContractCall's {@code param}/{@code body}, {@code x-type-token}: a class literal ({@code Foo.class}) when
     * the type is not generic, else a {@code TypeReference} (an anonymous class: 95 % of them were for plain
     * types, and each costs the test compilation a class file).
     */
    private static void typeTokens(CodegenOperation op) {
        for (CodegenParameter p : op.allParams) {
            p.vendorExtensions.put("x-type-token", p.dataType.indexOf('<') >= 0
                    ? "new TypeReference<" + p.dataType + ">() { }" : p.dataType + ".class");
        }
    }

    /**
     * Applies the naming table: the method name ({@code nickname}), the group, and the names of the params
     * and page classes ({@code <Resource><Verb>Params}, {@code <Resource><Verb>Page}); the body parameter is
     * called {@code body}; marks the single-id shortcut ({@code x-id-param}).
     */
    private void name(CodegenOperation op, Operation operation) {
        String vendorId = operation.getOperationId();
        op.vendorExtensions.put("x-vendor-operation-id", vendorId);
        if (naming == null) {
            return;
        }
        NamingTable.Entry entry = naming.entry(vendorId);
        op.nickname = entry.method();
        op.vendorExtensions.put("x-group", entry.group());
        String resource = NamingTable.resourceOf(entry.group());
        String base = resource + camelize(entry.method());
        op.vendorExtensions.put("x-params-class", base + "Params");
        op.vendorExtensions.put("x-page-class", base + "Page");
        op.vendorExtensions.put("x-page-async-class", base + "PageAsync");
        op.vendorExtensions.put("x-operation-label", entry.group() + "()." + entry.method() + " (" + op.httpMethod + " " + op.path + ")");
        op.vendorExtensions.put("x-has-params", !op.allParams.isEmpty());
        op.vendorExtensions.put("x-has-required", !op.requiredParams.isEmpty());
        boolean anyBodyNamedBody = op.allParams.stream().anyMatch(p -> !p.isBodyParam && "body".equals(p.paramName));
        if (!anyBodyNamedBody) {
            for (List<CodegenParameter> list : List.of(op.allParams, op.bodyParams, op.requiredParams, op.optionalParams)) {
                list.stream().filter(p -> p.isBodyParam).forEach(p -> p.paramName = "body");
            }
            if (op.bodyParam != null) {
                op.bodyParam.paramName = "body";
            }
        }
        // The id shortcut (retrieve(id)) only where the id is the operation's one parameter: then the two
        // methods are verb(id) and verb(params, options), and no call needs RequestOptions.none() just to pass
        // an optional parameter.
        if (op.allParams.size() == 1 && op.requiredParams.size() == 1) {
            CodegenParameter only = op.requiredParams.get(0);
            if (only.isPathParam && ID.matcher(only.baseName).matches()) {
                // A map, not the parameter: inside the section, the operation's own keys must stay visible.
                Map<String, Object> id = new java.util.HashMap<>();
                id.put("idName", only.paramName);
                id.put("idType", only.dataType);
                id.put("idDescription", only.description != null && !only.description.isBlank() ? only.description
                        : "the " + only.baseName + " parameter");
                op.vendorExtensions.put("x-id-param", id);
            }
        }
    }

    private static final Pattern ID = Pattern.compile("(?i)(.*[a-z_]id|id|.*uuid|.*pk)");

    /**
     * {@code ...Params} names the per-operation parameters types; a model (e.g. a request body schema) with
     * that suffix must be renamed through modelNameMappings (to {@code ...Request}), or generation fails.
     */
    private void rejectModelsNamedParams(Map<String, org.openapitools.codegen.model.ModelsMap> result) {
        if (naming != null) {
            List<String> clashing = new java.util.ArrayList<>();
            for (org.openapitools.codegen.model.ModelsMap models : result.values()) {
                for (org.openapitools.codegen.model.ModelMap model : models.getModels()) {
                    String name = model.getModel().classname;
                    if (name.endsWith("Params")) {
                        clashing.add(model.getModel().name + " -> " + name);
                    }
                }
            }
            if (!clashing.isEmpty()) {
                throw new IllegalStateException("models may not be named ...Params (the per-operation parameters"
                        + " types are); rename them with modelNameMappings, e.g. to ...Request: " + clashing);
            }
        }
    }

    /** Operations go to the group the naming table gives them, not to their tag. */
    @Override
    public void addOperationToGroup(String tag, String resourcePath, Operation operation, CodegenOperation co,
            Map<String, List<CodegenOperation>> operations) {
        Object group = co.vendorExtensions.get("x-group");
        super.addOperationToGroup(group == null ? tag : group.toString(), resourcePath, operation, co, operations);
    }

    /**
     * Writes the per-operation classes ({@code XxxParams}; {@code XxxPage} and {@code XxxPageAsync} for paged
     * operations) from params.mustache / page.mustache beside the group's service classes.
     */
    @Override
    public org.openapitools.codegen.model.OperationsMap postProcessOperationsWithModels(
            org.openapitools.codegen.model.OperationsMap objs, List<org.openapitools.codegen.model.ModelMap> allModels) {
        org.openapitools.codegen.model.OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
        if (naming == null) {
            return result;
        }
        if (perOperationFiles == null) {
            perOperationFiles = new PerOperationFiles(templateDir(), null, apiFileFolder());
        }
        PerOperationFiles files = perOperationFiles;
        for (CodegenOperation op : result.getOperations().getOperation()) {
            Map<String, Object> context = new java.util.HashMap<>(additionalProperties);
            context.put("package", apiPackage());
            context.put("imports", result.getImports());
            context.put("classname", result.getOperations().getClassname());
            // A one-element list, not the operation itself: for a section over a plain object the template
            // engine (emptyStringIsFalse) renders the object's toString() to test it for emptiness, and a
            // CodegenOperation's is its whole model, tens of kilobytes (~10 % of generation on SocialHub).
            context.put("op", List.of(op));
            files.write("params.mustache", op.vendorExtensions.get("x-params-class") + ".java", context);
            if (op.vendorExtensions.containsKey("x-paging")) {
                context.put("async", Boolean.FALSE);
                context.put("pageClass", op.vendorExtensions.get("x-page-class"));
                files.write("page.mustache", op.vendorExtensions.get("x-page-class") + ".java", context);
                context.put("async", Boolean.TRUE);
                context.put("pageClass", op.vendorExtensions.get("x-page-async-class"));
                files.write("page.mustache", op.vendorExtensions.get("x-page-async-class") + ".java", context);
            }
        }
        return result;
    }

    /** The per-operation writer, with its compiled templates, shared by all groups. */
    private PerOperationFiles perOperationFiles;

    private Map<String, Object> paging(CodegenOperation op, Operation operation) {
        Object declared = operation.getExtensions() == null ? null : operation.getExtensions().get("x-pagination");
        String style = null;
        if (declared instanceof String) {
            style = (String) declared;
        } else if (declared instanceof Map) {
            style = String.valueOf(((Map<?, ?>) declared).get("style"));
        }
        if (style == null) {
            return cursorPaging(op, operation);
        }
        switch (style) {
            case "offset":
                return offsetPaging(op, operation, null);
            case "offset-envelope":
                return offsetPaging(op, operation, "data");
            case "page":
                return pageNumberPaging(op, operation);
            case "offset-cursor":
                return declaredCursorPaging(op, operation, (Map<?, ?>) declared);
            case "cursor":
                return facebookCursorPaging(op, operation);
            case "envelope":
            case "page-response":
                return singlePage(op, operation);
            default:
                // start-count (LinkedIn pages) documents no response body and offset-body keeps its offset in
                // the request body: neither can be paged from the spec (see README, Pagination).
                return null;
        }
    }

    /**
     * Sets {@code x-return-type} (the Java type a call returns) and {@code x-response-type} (the sdk-core
     * ResponseType expression that decodes it). Binary and non-JSON text bodies are streamed, never buffered;
     * an operation whose only success is a redirect returns the redirect's target ({@code java.net.URI}).
     */
    private void describeResponse(CodegenOperation op) {
        boolean json = op.produces == null || op.produces.isEmpty()
                || op.produces.stream().anyMatch(m -> String.valueOf(m.get("mediaType")).toLowerCase(Locale.ROOT).contains("json"));
        String returnType = op.returnType;
        if (isRedirectOnly(op)) {
            // e.g. SocialHub's OAuth connect/callback operations: the 302 is the answer, not a step to follow.
            op.vendorExtensions.put("x-return-type", "java.net.URI");
            op.vendorExtensions.put("x-response-type", "ResponseType.location()");
            op.vendorExtensions.put("x-redirect", Boolean.TRUE);
        } else if (op.isResponseFile || (returnType != null && !json && (returnType.equals("String") || returnType.equals("Upload")))) {
            op.vendorExtensions.put("x-return-type", "BinaryResponse");
            op.vendorExtensions.put("x-response-type", "ResponseType.stream()");
            op.vendorExtensions.put("x-streaming", Boolean.TRUE);
        } else if (returnType == null) {
            op.vendorExtensions.put("x-return-type", "Void");
            op.vendorExtensions.put("x-response-type", "ResponseType.none()");
        } else if (returnType.contains("<")) {
            op.vendorExtensions.put("x-return-type", returnType);
            op.vendorExtensions.put("x-response-type", "ResponseType.json(new TypeReference<" + returnType + ">() { })");
        } else {
            op.vendorExtensions.put("x-return-type", returnType);
            op.vendorExtensions.put("x-response-type", "ResponseType.json(" + returnType + ".class)");
        }
    }

    /**
     * Whether the operation's only documented successes are redirects (a 3xx and no 2xx): its caller wants the
     * {@code Location}, so the runtime must not follow it.
     */
    private static boolean isRedirectOnly(CodegenOperation op) {
        boolean redirect = false;
        for (CodegenResponse response : op.responses) {
            if (response.is2xx || response.isDefault) {
                return false;
            }
            redirect |= response.is3xx;
        }
        return redirect;
    }

    /**
     * Header parameters named in the {@code clientHeaders} option (e.g. Contactflow's {@code Node}) are not
     * method arguments: they come from the client's default headers or a call's RequestOptions. A required
     * one is checked before the call ({@code x-required-headers}).
     */
    private void moveClientHeaders(CodegenOperation op) {
        Object option = additionalProperties.get("clientHeaders");
        if (option == null) {
            return;
        }
        List<String> names = java.util.Arrays.stream(option.toString().split(",")).map(String::trim).toList();
        List<CodegenParameter> moved = op.headerParams.stream().filter(p -> names.contains(p.baseName)).toList();
        if (moved.isEmpty()) {
            return;
        }
        op.allParams.removeAll(moved);
        op.headerParams.removeAll(moved);
        op.requiredParams.removeAll(moved);
        op.optionalParams.removeAll(moved);
        op.hasOptionalParams = !op.optionalParams.isEmpty();
        List<String> required = moved.stream().filter(p -> p.required).map(p -> p.baseName).toList();
        if (!required.isEmpty()) {
            op.vendorExtensions.put("x-required-headers", required);
        }
    }

    /** Per error response: the status to register (4 for "4XX") and the model class, when it is a plain class. */
    private static void describeErrors(CodegenOperation op) {
        for (CodegenResponse response : op.responses) {
            if (response.is2xx || response.dataType == null || response.dataType.contains("<")) {
                continue;
            }
            String code = response.code;
            if (response.isDefault) {
                response.vendorExtensions.put("x-default-error-class", response.dataType);
            } else if (code.matches("[1-5][0-9][0-9]")) {
                response.vendorExtensions.put("x-error-status", code);
                response.vendorExtensions.put("x-error-class", response.dataType);
            } else if (code.matches("(?i)[1-5]XX")) {
                response.vendorExtensions.put("x-error-status", String.valueOf(code.charAt(0)));
                response.vendorExtensions.put("x-error-class", response.dataType);
            }
        }
    }

    /** Marks a binary request body (sent as an Upload with the declared content type rather than as JSON). */
    private static void describeBody(CodegenOperation op) {
        CodegenParameter body = op.bodyParam;
        if (body != null && (body.isBinary || body.isFile)) {
            op.vendorExtensions.put("x-binary-body", Boolean.TRUE);
            String type = op.consumes == null || op.consumes.isEmpty() ? "application/octet-stream"
                    : String.valueOf(op.consumes.get(0).get("mediaType"));
            op.vendorExtensions.put("x-body-content-type", type);
        }
        if (op.vendorExtensions.get("x-return-type").equals("Void")) {
            op.vendorExtensions.put("x-void", Boolean.TRUE);
        }
    }

    private static String path(CodegenOperation op) {
        return op.httpMethod + " " + op.path + " (" + op.operationId + ")";
    }

    /**
     * Offset/count paging over an array response, or over an envelope's array property. A spec defect
     * (no such array) leaves the operation without a pager rather than failing the build; it is logged.
     */
    private Map<String, Object> offsetPaging(CodegenOperation op, Operation operation, String envelopeProperty) {
        String where = path(op);
        Optional<CodegenParameter> offsetParam = optionalQuery(op, OFFSET);
        if (offsetParam.isEmpty()) {
            LOGGER.warn("{}: x-pagination offset without an optional offset query parameter; no pager", where);
            return null;
        }
        CodegenParameter offset = offsetParam.get();
        Optional<CodegenParameter> countParam = op.optionalParams.stream()
                .filter(p -> p.isQueryParam && p != offset && COUNT.matcher(p.baseName).matches()).findFirst();
        if (countParam.isEmpty()) {
            LOGGER.warn("{}: x-pagination offset without an optional count query parameter; no pager", where);
            return null;
        }
        CodegenParameter count = countParam.get();
        String itemType;
        if (envelopeProperty == null) {
            if (!op.isArray || op.returnBaseType == null) {
                LOGGER.warn("{}: x-pagination offset but the documented response is not an array; no pager", where);
                return null;
            }
            itemType = op.returnBaseType;
        } else {
            Optional<String> fromEnvelope = responseSchema(operation).flatMap(s -> arrayItemType(s, envelopeProperty));
            if (fromEnvelope.isEmpty()) {
                LOGGER.warn("{}: x-pagination offset-envelope but no '{}' array in the response; no pager", where, envelopeProperty);
                return null;
            }
            itemType = fromEnvelope.get();
        }
        Map<String, Object> paging = base("offset", itemType);
        if (envelopeProperty != null) {
            paging.put("itemsGetter", toGetter(envelopeProperty));
        }
        paging.put("offsetParam", offset.paramName);
        paging.put("countParam", count.paramName);
        paging.put("offsetOf", numberFrom(offset, "pageOffset"));
        paging.put("countOf", numberFrom(count, "pageSize"));
        String defaultCount = count.defaultValue != null ? count.defaultValue.replaceAll("[^0-9]", "") : "";
        paging.put("defaultCount", defaultCount.isEmpty() ? "50" : defaultCount);
        return paging;
    }

    private Map<String, Object> pageNumberPaging(CodegenOperation op, Operation operation) {
        String where = path(op);
        Optional<CodegenParameter> pageParam = optionalQuery(op, Pattern.compile("page"));
        Optional<Schema<?>> responseSchema = responseSchema(operation);
        Optional<String> items = responseSchema.flatMap(r -> arrayItemType(r, "elements"));
        if (pageParam.isEmpty() || items.isEmpty()) {
            LOGGER.warn("{}: x-pagination page without an optional page parameter or an 'elements' array; no pager", where);
            return null;
        }
        CodegenParameter page = pageParam.get();
        Schema<?> response = responseSchema.get();
        Map<String, Object> paging = base("pageNumber", items.get());
        paging.put("pageParam", page.paramName);
        paging.put("pageOf", numberFrom(page, "pageNumber"));
        paging.put("itemsGetter", toGetter("elements"));
        Schema<?> pageInfo = resolvedProperties(response).get("page");
        boolean announcesTotal = pageInfo != null && resolvedProperties(pageInfo).get("totalPages") != null;
        paging.put("totalPages", announcesTotal
                ? "pageResponse." + toGetter("page") + "() == null ? null : pageResponse." + toGetter("page") + "()." + toGetter("totalPages") + "()"
                : "null");
        return paging;
    }

    /** A cursor rule spelled out on the operation: x-pagination {cursorParam, nextCursorField, itemsField}. */
    private Map<String, Object> declaredCursorPaging(CodegenOperation op, Operation operation, Map<?, ?> declared) {
        String where = path(op);
        Optional<CodegenParameter> cursor = optionalQuery(op, Pattern.compile(String.valueOf(declared.get("cursorParam"))));
        String itemsField = String.valueOf(declared.get("itemsField"));
        String nextField = String.valueOf(declared.get("nextCursorField"));
        Optional<Schema<?>> response = responseSchema(operation);
        Optional<String> itemType = response.flatMap(s -> arrayItemType(s, itemsField));
        if (cursor.isEmpty() || itemType.isEmpty() || resolvedProperties(response.get()).get(nextField) == null) {
            LOGGER.warn("{}: x-pagination offset-cursor does not match the operation's parameters or response; no pager", where);
            return null;
        }
        Map<String, Object> paging = base("cursor", itemType.get());
        paging.put("cursorParam", cursor.get().paramName);
        paging.put("itemsGetter", toGetter(itemsField));
        paging.put("nextGetter", toGetter(nextField));
        paging.put("nextExpr", "pageResponse." + toGetter(nextField) + "()");
        return paging;
    }

    private Map<String, Object> cursorPaging(CodegenOperation op, Operation operation) {
        Optional<CodegenParameter> next = optionalQuery(op, Pattern.compile("next"));
        Optional<CodegenParameter> limit = optionalQuery(op, Pattern.compile("limit"));
        if (next.isEmpty() || limit.isEmpty()) {
            return null;
        }
        Optional<Schema<?>> response = responseSchema(operation);
        Optional<String> itemType = response.flatMap(s -> arrayItemType(s, "results"));
        if (itemType.isEmpty() || resolvedProperties(response.get()).get("next") == null) {
            return null;
        }
        Map<String, Object> paging = base("cursor", itemType.get());
        paging.put("cursorParam", next.get().paramName);
        paging.put("itemsGetter", toGetter("results"));
        paging.put("nextGetter", toGetter("next"));
        paging.put("nextExpr", "pageResponse." + toGetter("next") + "()");
        return paging;
    }

    /**
     * Facebook Graph cursor paging (SocialHub's Facebook and Instagram lists): an optional {@code after} query
     * parameter in, {@code {data: [...], paging: {cursors: {after}}}} (or {@code paging.after}) out.
     */
    private Map<String, Object> facebookCursorPaging(CodegenOperation op, Operation operation) {
        String where = path(op);
        Optional<CodegenParameter> after = optionalQuery(op, Pattern.compile("after"));
        Optional<Schema<?>> response = responseSchema(operation);
        Optional<String> itemType = response.flatMap(s -> arrayItemType(s, "data"));
        if (after.isEmpty() || itemType.isEmpty()) {
            LOGGER.warn("{}: x-pagination cursor without an 'after' parameter or a documented 'data' array; no pager", where);
            return null;
        }
        Schema<?> pagingSchema = resolvedProperties(response.get()).get("paging");
        if (pagingSchema == null) {
            LOGGER.warn("{}: x-pagination cursor without a 'paging' object in the response; no pager", where);
            return null;
        }
        Map<String, Schema> pagingProps = resolvedProperties(pagingSchema);
        String paging = "pageResponse." + toGetter("paging") + "()";
        String expr;
        if (pagingProps.get("cursors") != null && resolvedProperties(pagingProps.get("cursors")).get("after") != null) {
            String cursors = paging + "." + toGetter("cursors") + "()";
            expr = paging + " == null || " + cursors + " == null ? null : " + cursors + "." + toGetter("after") + "()";
        } else if (pagingProps.get("after") != null) {
            expr = paging + " == null ? null : " + paging + "." + toGetter("after") + "()";
        } else {
            LOGGER.warn("{}: x-pagination cursor without paging.cursors.after or paging.after; no pager", where);
            return null;
        }
        Map<String, Object> result = base("cursor", itemType.get());
        result.put("cursorParam", after.get().paramName);
        result.put("itemsGetter", toGetter("data"));
        result.put("nextExpr", expr);
        return result;
    }

    /**
     * A list answered in one envelope ({@code {elements, page}} without page parameters: Contactflow's
     * envelope, Contacthub's page-response): a page whose items are {@code elements} and which has no next.
     */
    private Map<String, Object> singlePage(CodegenOperation op, Operation operation) {
        Optional<String> itemType = responseSchema(operation).flatMap(s -> arrayItemType(s, "elements"));
        if (itemType.isEmpty()) {
            LOGGER.warn("{}: x-pagination envelope without an 'elements' array; no page", path(op));
            return null;
        }
        Map<String, Object> result = base("single", itemType.get());
        result.put("itemsGetter", toGetter("elements"));
        return result;
    }

    /** A Java expression turning the int {@code variable} into the parameter's own type. */
    /** A Java expression turning the long {@code variable} into the parameter's own type. */
    private static String numberFrom(CodegenParameter param, String variable) {
        switch (param.dataType) {
            case "Long": return variable;
            case "BigDecimal": return "java.math.BigDecimal.valueOf(" + variable + ")";
            case "Double": return "(double) " + variable;
            case "Float": return "(float) " + variable;
            case "String": return "String.valueOf(" + variable + ")";
            default: return "Math.toIntExact(" + variable + ")";
        }
    }

    private static Map<String, Object> base(String style, String itemType) {
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("style", style);
        paging.put("itemType", itemType);
        return paging;
    }

    private static Optional<CodegenParameter> optionalQuery(CodegenOperation op, Pattern name) {
        return op.optionalParams.stream().filter(p -> p.isQueryParam && name.matcher(p.baseName).matches()).findFirst();
    }

    private Optional<Schema<?>> responseSchema(Operation operation) {
        if (operation.getResponses() == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, ApiResponse> e : operation.getResponses().entrySet()) {
            if (e.getKey().startsWith("2")) {
                ApiResponse response = ModelUtils.getReferencedApiResponse(openAPI, e.getValue());
                Schema<?> schema = ModelUtils.getSchemaFromResponse(openAPI, response);
                if (schema != null) {
                    return Optional.of(ModelUtils.getReferencedSchema(openAPI, schema));
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, Schema> resolvedProperties(Schema<?> schema) {
        Map<String, Schema> props = new LinkedHashMap<>();
        Schema<?> resolved = ModelUtils.getReferencedSchema(openAPI, schema);
        if (resolved.getAllOf() != null) {
            for (Object part : resolved.getAllOf()) {
                props.putAll(resolvedProperties((Schema<?>) part));
            }
        }
        if (resolved.getProperties() != null) {
            props.putAll(resolved.getProperties());
        }
        return props;
    }

    private Optional<String> arrayItemType(Schema<?> schema, String property) {
        Schema<?> array = resolvedProperties(schema).get(property);
        if (array == null) {
            return Optional.empty();
        }
        array = ModelUtils.getReferencedSchema(openAPI, array);
        Schema<?> items = array.getItems();
        if (items == null) {
            return Optional.empty();
        }
        // Fully qualified: the API class imports only the types its signatures name.
        String declared = getTypeDeclaration(items);
        if (items.get$ref() != null && declared.matches("[A-Za-z_][A-Za-z0-9_]*") && !languageSpecificPrimitives.contains(declared)) {
            return Optional.of(modelPackage() + "." + declared);
        }
        return Optional.of(declared);
    }

    @Override
    public String toString() {
        return getName().toLowerCase(Locale.ROOT);
    }
}
