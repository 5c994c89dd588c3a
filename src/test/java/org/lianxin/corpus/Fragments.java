package org.lianxin.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The written fragments of citizens' messages, read from {@code corpus/fragments.txt}: sections
 * {@code [category topic ~other-category share *weight]} holding lines {@code K text}, where K says what the line is
 * (T title, U subject, I introduction, P problem, D detail, A demand, Q question, S suggestion, V vague message,
 * G department, M one matter told in several ways (separated by |), and in the common section {@code [*]}
 * H greeting, C closing, X anger, B background, R reported before, K hotline opening, E hotline ending, L what the
 * matter does to one's life).
 */
final class Fragments {

    /** One narrow kind of problem: every problem line of it could be said of the same real-world matter. */
    record Topic(String category, String name, String otherCategory, double otherShare, int weight,
            Map<Character, List<String>> lines) {

        List<String> lines(char kind) {
            return lines.getOrDefault(kind, List.of());
        }

        /** The topic's matters (M lines): each one specific problem, told in several ways. */
        List<List<String>> matters() {
            return lines('M').stream().map(m -> List.of(m.split("\\s*\\|\\s*"))).toList();
        }
    }

    static final List<String> CATEGORIES = List.of("城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障",
            "商贸旅游", "卫生计生");

    private static final Fragments ALL = load("/corpus/fragments.txt");

    private final Map<String, List<Topic>> topics = new LinkedHashMap<>();
    private final Map<String, Map<Character, List<String>>> generic = new HashMap<>();

    static Fragments all() {
        return ALL;
    }

    List<Topic> topics(String category) {
        return topics.getOrDefault(category, List.of());
    }

    /** The lines of a kind that a category (or "*" for every category) shares among its topics. */
    List<String> generic(String category, char kind) {
        return generic.getOrDefault(category, Map.of()).getOrDefault(kind, List.of());
    }

    private static Fragments load(String resource) {
        Fragments fragments = new Fragments();
        try (InputStream in = Fragments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = null;
            Map<Character, List<String>> lines = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    fragments.add(header, lines);
                    header = line.substring(1, line.indexOf(']')).trim().split("\\s+");
                    lines = new HashMap<>();
                } else if (lines == null || line.length() < 3 || line.charAt(1) != ' ') {
                    throw new IllegalStateException(resource + ":" + number + ": not a fragment line: " + line);
                } else {
                    lines.computeIfAbsent(line.charAt(0), k -> new ArrayList<>())
                            .add(line.substring(2).strip().replace("\\n", "\n"));
                }
            }
            fragments.add(header, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fragments;
    }

    private void add(String[] header, Map<Character, List<String>> lines) {
        if (header == null) {
            return;
        }
        String category = header[0];
        if (!category.equals("*") && !CATEGORIES.contains(category)) {
            throw new IllegalStateException("unknown category " + category);
        }
        if (header.length == 1) {
            Map<Character, List<String>> shared = generic.computeIfAbsent(category, k -> new HashMap<>());
            lines.forEach((kind, more) -> shared.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(more));
            return;
        }
        String other = null;
        double share = 0;
        int weight = 1;
        for (int i = 2; i < header.length; i++) {
            if (header[i].startsWith("~")) {
                other = header[i].substring(1);
                share = Double.parseDouble(header[++i]);
            } else if (header[i].startsWith("*")) {
                weight = Integer.parseInt(header[i].substring(1));
            }
        }
        for (String matter : lines.getOrDefault('M', List.of())) { // every way to tell a matter is a problem too
            lines.computeIfAbsent('P', k -> new ArrayList<>()).addAll(List.of(matter.split("\\s*\\|\\s*")));
        }
        if (lines.getOrDefault('P', List.of()).isEmpty() || lines.getOrDefault('T', List.of()).isEmpty()) {
            throw new IllegalStateException("topic " + header[1] + " needs titles (T) and problems (P)");
        }
        topics.computeIfAbsent(category, k -> new ArrayList<>())
                .add(new Topic(category, header[1], other, share, weight, Map.copyOf(lines)));
    }
}
