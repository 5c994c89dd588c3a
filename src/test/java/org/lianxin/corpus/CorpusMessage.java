package org.lianxin.corpus;

/**
 * One citizen's message of a test corpus.
 *
 * @param id       unique within its corpus ("M000123")
 * @param title    the message's subject line (留言主题)
 * @param content  the message itself (留言详情)
 * @param category one of the archive's 7 categories
 * @param matter   shared by every message that reports the same real-world matter (a re-post, a second citizen's
 *                 report of it); null when the message is alone
 * @param phone    the caller's number for hotline-like messages, null for web messages
 * @param location the place a hotline record notes, null for web messages
 */
public record CorpusMessage(String id, String title, String content, String category,
        String matter, String phone, String location) {}
