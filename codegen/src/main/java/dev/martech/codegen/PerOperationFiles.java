package dev.martech.codegen;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a template once per operation into its own Java file (the generator itself writes one file per
 * group and template). Templates are looked up in the custom template directory, then the generator's.
 */
final class PerOperationFiles {
    private final String templateDir;
    private final String customTemplateDir;
    private final Path outputFolder;
    private final Mustache.Compiler compiler;

    /** Each template compiled once per generation run (it was once per file). */
    private final Map<String, Template> templates = new HashMap<>();
    private boolean folderCreated;

    PerOperationFiles(String templateDir, String customTemplateDir, String outputFolder) {
        this.templateDir = templateDir;
        this.customTemplateDir = customTemplateDir;
        this.outputFolder = Path.of(outputFolder);
        this.compiler = Mustache.compiler().defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true).escapeHTML(false)
                .withLoader(this::open);
    }

    private Reader open(String name) throws IOException {
        String file = name.endsWith(".mustache") ? name : name + ".mustache";
        for (String dir : new String[] {customTemplateDir, templateDir}) {
            if (dir != null && Files.isRegularFile(Path.of(dir, file))) {
                return Files.newBufferedReader(Path.of(dir, file), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("template " + file + " not found in " + customTemplateDir + " or " + templateDir);
    }

    private Template compiled(String template) throws IOException {
        Template compiled = templates.get(template);
        if (compiled == null) {
            try (Reader reader = open(template)) {
                compiled = compiler.compile(reader);
            }
            templates.put(template, compiled);
        }
        return compiled;
    }

    void write(String template, String fileName, Map<String, Object> context) {
        try {
            Template compiled = compiled(template);
            if (!folderCreated) {
                Files.createDirectories(outputFolder);
                folderCreated = true;
            }
            Files.writeString(outputFolder.resolve(fileName), compiled.execute(context), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName + " from " + template, e);
        }
    }
}
