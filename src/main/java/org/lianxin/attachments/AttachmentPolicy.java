package org.lianxin.attachments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Which of the files a department sends with a message are kept (lianxin.attachments.*), and why the others are not.
 * A file's type is the one its name's extension stands for when the extension is a known one — the name is what
 * decides how a computer opens the file, so "report.exe" declared as image/png counts as a program — else the type
 * the sender declared.
 */
@Component("attachmentPolicy")
public class AttachmentPolicy {

    /** The file_name column's length. */
    static final int MAX_NAME_LENGTH = 255;
    private static final String UNKNOWN_TYPE = "application/octet-stream";
    /** Names some mail clients give to standard types. */
    private static final Map<String, String> TYPE_ALIASES = Map.of("image/jpg", "image/jpeg",
            "image/pjpeg", "image/jpeg", "image/x-png", "image/png", "application/x-pdf", "application/pdf");
    private static final Locale NOTE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final AttachmentLimits limits;
    private final Set<String> allowed;
    private final MessageSource messages;

    public AttachmentPolicy(AttachmentLimits limits, MessageSource messages) {
        this.limits = limits;
        this.allowed = limits.allowed();
        this.messages = messages;
    }

    public AttachmentLimits limits() {
        return limits;
    }

    /** Why a file is not kept. */
    public enum Problem {
        TYPE, FILE_SIZE, COUNT, MESSAGE_SIZE
    }

    public record Refusal(Attachment file, Problem problem) {
    }

    /** A message's files: those kept, in the order sent, and those refused with the reason. */
    public record Sorted(List<Attachment> kept, List<Refusal> refused) {
    }

    /** A received file with its name made safe (no folders, no control characters, not too long) and its type. */
    public Attachment file(String givenName, String declaredType, byte[] content) {
        String name = safeName(givenName);
        return new Attachment(name, type(name, declaredType), content);
    }

    /** Files in the order sent: each is kept while its type, its size, the count and the message's sum allow. */
    public Sorted sort(List<Attachment> files) {
        List<Attachment> kept = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        long total = 0;
        for (Attachment f : files) {
            Problem problem = !allowed.contains(f.contentType()) ? Problem.TYPE
                    : f.size() > limits.maxFileBytes() ? Problem.FILE_SIZE
                    : kept.size() >= limits.maxFiles() ? Problem.COUNT
                    : total + f.size() > limits.maxMessageBytes() ? Problem.MESSAGE_SIZE
                    : null;
            if (problem == null) {
                kept.add(f);
                total += f.size();
            } else {
                refused.add(new Refusal(f, problem));
            }
        }
        return new Sorted(List.copyOf(kept), List.copyOf(refused));
    }

    /** Why the file is refused, in the locale's words (message attachment.refused.&lt;problem&gt;). */
    public String explain(Refusal refusal, Locale locale) {
        Attachment f = refusal.file();
        return messages.getMessage("attachment.refused." + refusal.problem(), new Object[] {f.fileName(),
                f.contentType(), megabytes(f.size()), megabytes(limits.maxFileBytes()), limits.maxFiles(),
                megabytes(limits.maxMessageBytes())}, locale);
    }

    /** The case event's note on files not kept, in the county's language; empty when every file was kept. */
    public Optional<String> note(Sorted sorted) {
        if (sorted.refused().isEmpty()) {
            return Optional.empty();
        }
        String reasons = sorted.refused().stream().map(r -> explain(r, NOTE_LOCALE)).collect(Collectors.joining("；"));
        String note = messages.getMessage("attachment.refused.note", new Object[] {sorted.refused().size(), reasons},
                NOTE_LOCALE);
        return Optional.of(note.length() > 2000 ? note.substring(0, 1999) + "…" : note);
    }

    /** Bytes as megabytes for people: "10 MB", "12.5 MB", "0.1 MB". */
    public static String megabytes(long bytes) {
        double mb = bytes / 1048576.0;
        String text = mb >= 0.1 || bytes == 0 ? String.format(Locale.ROOT, "%.1f", mb) : "0.1";
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " MB";
    }

    static String safeName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "附件";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    static String type(String name, String declared) {
        Optional<String> byName = name.contains(".")
                ? MediaTypeFactory.getMediaType(name).map(t -> t.getType() + "/" + t.getSubtype())
                : Optional.empty();
        if (byName.isPresent() && !byName.get().equals(UNKNOWN_TYPE)) {
            return byName.get().toLowerCase(Locale.ROOT);
        }
        String type = declared == null ? "" : declared;
        int semicolon = type.indexOf(';');
        type = (semicolon >= 0 ? type.substring(0, semicolon) : type).strip().toLowerCase(Locale.ROOT);
        try {
            type = MediaType.parseMediaType(type).getType() + "/" + MediaType.parseMediaType(type).getSubtype();
        } catch (RuntimeException notAType) {
            return UNKNOWN_TYPE;
        }
        return TYPE_ALIASES.getOrDefault(type, type);
    }
}
