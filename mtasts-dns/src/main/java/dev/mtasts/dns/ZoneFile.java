package dev.mtasts.dns;

import dev.mtasts.policy.DomainName;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders the records as lines of a DNS zone file (RFC 1035 §5.1), ready to paste:
 *
 * <pre>{@code
 * ZoneFile.render("example.com", StsRecord.of(PolicyId.of("20160831085700Z")), Duration.ofHours(1));
 * // _mta-sts.example.com. 3600 IN TXT "v=STSv1; id=20160831085700Z;"
 * }</pre>
 *
 * <p>A TXT character-string holds at most 255 bytes (RFC 1035 §3.3.14), so longer records are
 * split over several strings on one line; resolvers join them without separators (RFC 8461
 * §3.1).
 */
public final class ZoneFile {
  /** The most bytes one TXT character-string can hold. */
  public static final int MAX_STRING_LENGTH = 255;

  private ZoneFile() {}

  /**
   * Renders the {@code _mta-sts} record of a domain.
   *
   * @param domain the Policy Domain; U-labels are converted to A-labels with IDNA2003, so a name
   *     holding ß, ẞ, ς, ZWJ or ZWNJ is refused (pass its IDNA2008 A-label)
   * @param record the record
   * @param ttl the time to live, whole seconds from 0 to 2147483647
   * @return the zone-file line, without line end
   * @throws IllegalArgumentException if the domain or the TTL is invalid, or if the record's id is
   *     not RFC 8461 compliant (a record read leniently, see {@link StsRecord#isPublishable()}):
   *     senders would ignore the published record and the domain would have no policy
   */
  public static String render(String domain, StsRecord record, Duration ttl) {
    Objects.requireNonNull(record, "record");
    record.id().requireRfcCompliant();
    return txtLine(StsRecord.LABEL + "." + DomainName.of(domain, DomainName.Syntax.INPUT), record.toText(), ttl);
  }

  /**
   * Renders the {@code _smtp._tls} record of a domain.
   *
   * @param domain the Policy Domain; U-labels are converted to A-labels with IDNA2003, so a name
   *     holding ß, ẞ, ς, ZWJ or ZWNJ is refused (pass its IDNA2008 A-label)
   * @param record the record
   * @param ttl the time to live, whole seconds from 0 to 2147483647
   * @return the zone-file line, without line end
   * @throws IllegalArgumentException if the domain or the TTL is invalid
   */
  public static String render(String domain, TlsRptRecord record, Duration ttl) {
    return txtLine(TlsRptRecord.LABEL + "." + DomainName.of(domain, DomainName.Syntax.INPUT), record.toText(), ttl);
  }

  /**
   * Renders a TXT line for any owner name and text.
   *
   * @param owner the owner name, without the trailing dot (it is added)
   * @param text the record text, US-ASCII
   * @param ttl the time to live, whole seconds from 0 to 2147483647
   * @return the zone-file line, without line end
   * @throws IllegalArgumentException if the TTL is invalid or the text is not printable US-ASCII
   */
  public static String txtLine(String owner, String text, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.getNano() != 0 || ttl.getSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("TTL " + ttl + " must be whole seconds from 0 to 2147483647");
    }
    StringBuilder sb = new StringBuilder(owner).append(". ").append(ttl.getSeconds()).append(" IN TXT");
    for (String string : characterStrings(text)) {
      sb.append(" \"");
      for (int i = 0; i < string.length(); i++) {
        char c = string.charAt(i);
        if (c == '"' || c == '\\') {
          sb.append('\\');
        }
        sb.append(c);
      }
      sb.append('"');
    }
    return sb.toString();
  }

  /**
   * Splits a text into TXT character-strings of at most 255 bytes each.
   *
   * @param text the record text, printable US-ASCII and TAB
   * @return the strings, one empty string for an empty text
   * @throws IllegalArgumentException if the text holds other characters
   */
  public static List<String> characterStrings(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        throw new IllegalArgumentException("record text must be printable US-ASCII, found U+"
            + Integer.toHexString(c) + " at column " + (i + 1));
      }
    }
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    List<String> strings = new ArrayList<>();
    for (int start = 0; start < bytes.length || strings.isEmpty(); start += MAX_STRING_LENGTH) {
      int end = Math.min(bytes.length, start + MAX_STRING_LENGTH);
      strings.add(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
    }
    return strings;
  }
}
