package dev.mtasts.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing the audit found: what ({@link #id()}), how bad, about what, in words, how to fix it,
 * and the evidence it rests on. Subjects, messages and evidence quote what the domain's servers
 * sent: untrusted text, escape it before printing it to a terminal.
 *
 * @param id the stable identifier
 * @param severity how much it matters
 * @param subject what it is about: a DNS name, a URL or an MX host
 * @param message what was found, a sentence without the subject
 * @param fix what to do about it; empty for information
 * @param evidence named facts behind the finding, in a stable order (status, names, dates)
 */
public record Finding(
    FindingId id, Severity severity, String subject, String message, String fix, Map<String, String> evidence) {
  /**
   * Validates the parts and copies the evidence, keeping its order.
   *
   * @param id the identifier
   * @param severity the severity
   * @param subject the subject
   * @param message the message
   * @param fix the fix, or empty
   * @param evidence the evidence
   */
  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : evidence.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "evidence key"), Objects.requireNonNull(e.getValue(), "evidence value"));
    }
    evidence = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a finding without evidence.
   *
   * @param id the identifier
   * @param severity the severity
   * @param subject the subject
   * @param message the message
   * @param fix the fix, or empty
   * @return the finding
   */
  public static Finding of(FindingId id, Severity severity, String subject, String message, String fix) {
    return new Finding(id, severity, subject, message, fix, Map.of());
  }

  /**
   * Returns the area of the finding, that of its id.
   *
   * @return the area
   */
  public Area area() {
    return id.area();
  }
}
