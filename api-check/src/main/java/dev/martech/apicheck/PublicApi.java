package dev.martech.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dumps the public API of compiled modules as text (the way binary-compatibility validators keep
 * {@code .api} files) and compares it with the committed dump. One block per public or protected type, its
 * supertypes, then its public and protected fields, constructors and methods, sorted; packages named
 * {@code internal} are not API.
 *
 * <p>{@code PublicApi <root> <module,module,...> <update>}: reads {@code <root>/<module>/target/classes},
 * compares with (or, when update is true, writes) {@code <root>/<module>/api/<module>.api}. The classes are
 * loaded, not initialised, from this class's class loader.
 */
public final class PublicApi {
    /** The command that rewrites the dumps; named in every failure. */
    public static final String UPDATE_COMMAND = "./mvnw -B -ntp verify -DskipTests -Dapi.update=true";

    private PublicApi() {
    }

    /**
     * @param args root directory, comma-separated module directories, {@code true} to update
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PublicApi <root> <module,...> <update true|false>");
        }
        Path root = Path.of(args[0]);
        boolean update = Boolean.parseBoolean(args[2].trim());
        List<String> problems = new ArrayList<>();
        for (String module : args[1].split(",")) {
            module = module.trim();
            Path classes = root.resolve(module).resolve("target/classes");
            Path file = root.resolve(module).resolve("api").resolve(module + ".api");
            String dump = dump(classes, PublicApi.class.getClassLoader());
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, dump, StandardCharsets.UTF_8);
                System.out.println("[api-check] wrote " + root.relativize(file));
                continue;
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (!committed.equals(dump)) {
                problems.add(root.relativize(file) + (committed.isEmpty() ? " is missing" : " differs from the compiled API:")
                        + "\n" + diff(committed, dump));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The public API changed. If that is intended, update the dumps with\n    "
                    + UPDATE_COMMAND + "\nand commit the .api files with the change (reviewers see the API diff).\n"
                    + String.join("\n", problems));
        }
        if (!update) {
            System.out.println("[api-check] public API of " + args[1] + " matches the committed dumps");
        }
    }

    /**
     * The API dump of one compiled module.
     *
     * @param classes its class output directory
     * @param loader  a class loader that can load its classes and what they reference
     * @return the dump, one type block after another, sorted
     */
    public static String dump(Path classes, ClassLoader loader) {
        TreeMap<String, String> blocks = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                if (!relative.endsWith(".class") || relative.endsWith("module-info.class")
                        || relative.endsWith("package-info.class") || relative.contains("/internal/")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name + " from " + classes + ": " + e, e);
                }
                if (isApi(type)) {
                    blocks.put(type.getName(), block(type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes + " (build the module first)", e);
        }
        return String.join("\n", blocks.values());
    }

    private static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            int m = c.getModifiers();
            if (!Modifier.isPublic(m) && !Modifier.isProtected(m)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(Member member) {
        int m = member.getModifiers();
        boolean bridge = member instanceof Method && ((Method) member).isBridge();
        return (Modifier.isPublic(m) || Modifier.isProtected(m)) && !member.isSynthetic() && !bridge;
    }

    private static String block(Class<?> type) {
        StringBuilder out = new StringBuilder(type.toGenericString()).append('\n');
        Set<String> supertypes = new LinkedHashSet<>();
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            supertypes.add("extends " + superclass.getTypeName());
        }
        for (Type i : type.getGenericInterfaces()) {
            supertypes.add("implements " + i.getTypeName());
        }
        supertypes.forEach(s -> out.append("  ").append(s).append('\n'));
        Set<String> members = new TreeSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (isApi(f)) {
                members.add(f.toGenericString());
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable e : executables) {
            if (isApi(e) && !(e instanceof Constructor && type.isEnum())) {
                members.add(e.toGenericString());
            }
        }
        // "public int a.b.C.port()" reads as "public int port()": the block already names the type.
        String qualifier = " " + type.getTypeName() + ".";
        members.forEach(m -> out.append("  ").append(m.replace(qualifier, " ")).append('\n'));
        return out.toString();
    }

    /** The lines only in the committed dump (-) and only in the compiled API (+), under their type. */
    static String diff(String committed, String compiled) {
        Set<String> before = keyed(committed);
        Set<String> after = keyed(compiled);
        List<String> lines = new ArrayList<>();
        before.stream().filter(l -> !after.contains(l)).forEach(l -> lines.add("  - " + l));
        after.stream().filter(l -> !before.contains(l)).forEach(l -> lines.add("  + " + l));
        int shown = Math.min(lines.size(), 40);
        return lines.subList(0, shown).stream().collect(Collectors.joining("\n"))
                + (lines.size() > shown ? "\n  ... and " + (lines.size() - shown) + " more lines" : "");
    }

    /** Each member line prefixed with its type's line, so a moved member counts as changed. */
    private static Set<String> keyed(String dump) {
        Set<String> keyed = new LinkedHashSet<>();
        String type = "";
        for (String line : dump.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("  ")) {
                type = line;
                keyed.add(line);
            } else {
                keyed.add(type + " :: " + line.strip());
            }
        }
        return keyed;
    }
}
