package dev.mtasts.tlsrpt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.ReportErrorCode;
import dev.mtasts.tlsrpt.ResultType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a policy result's {@code failure-details} (RFC 8460 §4.4). A report may hold tens of
 * thousands of them, nearly always with their members in the same order: the reader expects the
 * member that followed the same member last time and asks Jackson to match that name's bytes
 * directly ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}),
 * which skips hashing the name; any other name is read as usual.
 */
final class FailureDetailJsonReader {
  // Member ids, in RFC 8460 §4.4 order; DRAFT_INFO is the draft name of INFO.
  private static final int RESULT = 0;
  private static final int IP = 1;
  private static final int MX = 2;
  private static final int HELO = 3;
  private static final int RIP = 4;
  private static final int COUNT = 5;
  private static final int INFO = 6;
  private static final int REASON = 7;
  private static final int DRAFT_INFO = 8;
  private static final int UNKNOWN = 9;

  private static final SerializedString[] NAMES = {
    new SerializedString("result-type"),
    new SerializedString("sending-mta-ip"),
    new SerializedString("receiving-mx-hostname"),
    new SerializedString("receiving-mx-helo"),
    new SerializedString("receiving-ip"),
    new SerializedString("failed-session-count"),
    new SerializedString("additional-information"),
    new SerializedString("failure-reason-code"),
    new SerializedString("additional-info-uri"),
  };

  private final ReadContext c;
  private final CountJsonReader counts;
  /** {@code next[m + 1]}: the member that followed member {@code m} last time (m = -1: first). */
  private final int[] next = new int[UNKNOWN + 2];

  FailureDetailJsonReader(ReadContext c, CountJsonReader counts) {
    this.c = c;
    this.counts = counts;
    for (int i = 0; i < next.length; i++) {
      next[i] = i <= REASON ? i : UNKNOWN;
    }
  }

  /** Reads the array at {@code path}, the parser on its first token. */
  List<FailureDetail> readAll(ReportPath path) throws IOException {
    JsonParser p = c.p;
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL && !c.strict) {
      c.warn(path, ReportErrorCode.EMPTY_VALUE, "failure-details is null; read as []");
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw ReadContext.wrongType(path, "an array", t);
    }
    List<FailureDetail> list = new ArrayList<>(4);
    int j = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw ReadContext.wrongType(path.index(j), "an object", t);
      }
      list.add(read(path.index(j)));
      j++;
    }
    return list;
  }

  private static int idOf(String name) {
    return switch (name) {
      case "result-type" -> RESULT;
      case "sending-mta-ip" -> IP;
      case "receiving-mx-hostname" -> MX;
      case "receiving-mx-helo" -> HELO;
      case "receiving-ip" -> RIP;
      case "failed-session-count" -> COUNT;
      case "additional-information" -> INFO;
      case "failure-reason-code" -> REASON;
      case "additional-info-uri" -> DRAFT_INFO;
      default -> UNKNOWN;
    };
  }

  private FailureDetail read(ReportPath base) throws IOException {
    JsonParser p = c.p;
    int seen = 0;
    ResultType type = null;
    String ip = null;
    String mx = null;
    String helo = null;
    String rip = null;
    long count = 0;
    String info = null;
    String reason = null;
    // The draft name additional-info-uri read as additional-information until the RFC name
    // comes: its text, and the warnings reading it gave.
    String draftText = null;
    int draftWarnings = 0;
    int draftWarningsEnd = 0;
    Map<String, String> unknown = null;
    int prev = -1;
    while (true) {
      int guess = next[prev + 1];
      int id;
      String name;
      boolean matched;
      if (guess != UNKNOWN) {
        matched = p.nextFieldName(NAMES[guess]);
      } else {
        p.nextToken();
        matched = false;
      }
      if (matched) {
        id = guess;
        name = NAMES[guess].getValue();
      } else {
        JsonToken t = p.currentToken();
        if (t != JsonToken.FIELD_NAME) {
          c.checkObjectEnd(t);
          break;
        }
        name = p.currentName();
        id = idOf(name);
        next[prev + 1] = id;
      }
      prev = id;
      p.nextToken();
      switch (id) {
        case RESULT -> {
          seen = c.once(seen, 1 << RESULT, base, name);
          String text = c.requiredString(base, name);
          type = ResultType.of(text);
          if (!type.isKnown()) {
            c.warn(base.member(name), ReportErrorCode.UNKNOWN_RESULT_TYPE,
                "result-type \"" + ReadContext.shorten(text) + "\" is not registered; kept as unknown");
          }
        }
        case IP -> {
          seen = c.once(seen, 1 << IP, base, name);
          ip = ipAddress(base, name);
        }
        case MX -> {
          seen = c.once(seen, 1 << MX, base, name);
          mx = c.optionalString(base, name);
        }
        case HELO -> {
          seen = c.once(seen, 1 << HELO, base, name);
          helo = c.optionalString(base, name);
        }
        case RIP -> {
          seen = c.once(seen, 1 << RIP, base, name);
          rip = ipAddress(base, name);
        }
        case COUNT -> {
          seen = c.once(seen, 1 << COUNT, base, name);
          count = counts.readCount(base, name);
        }
        case INFO -> {
          seen = c.once(seen, 1 << INFO, base, name);
          if (draftText != null) {
            // The RFC name wins over a draft name met before it: the draft member is kept
            // verbatim, as when it comes after the RFC name, and what reading it said goes.
            c.dropWarnings(draftWarnings, draftWarningsEnd);
            unknown = c.keepUnknown(unknown, base, NAMES[DRAFT_INFO].getValue(), draftText);
            draftText = null;
          }
          info = c.optionalString(base, name);
        }
        case REASON -> {
          seen = c.once(seen, 1 << REASON, base, name);
          reason = c.optionalString(base, name);
        }
        case DRAFT_INFO -> {
          if (!c.strict && (seen & 1 << INFO) == 0) {
            seen = c.once(seen, 1 << DRAFT_INFO, base, name);
            draftWarnings = c.warningCount();
            c.warn(base.member(name), ReportErrorCode.DRAFT_FIELD_NAME,
                "draft member name additional-info-uri read as additional-information");
            draftText = c.copyValue();
            ReadContext again = c.reread(draftText);
            try {
              info = again.optionalString(base, name);
            } finally {
              again.p.close();
            }
            draftWarningsEnd = c.warningCount();
          } else {
            unknown = c.unknownField(unknown, base, name);
          }
        }
        default -> unknown = c.unknownField(unknown, base, name);
      }
    }
    if (type == null) {
      throw ReadContext.missing(base, "result-type");
    }
    if ((seen & 1 << COUNT) == 0) {
      if (c.strict) {
        throw ReadContext.missing(base, "failed-session-count");
      }
      c.warn(base, ReportErrorCode.MISSING_FIELD, "failed-session-count is absent; read as 0");
    }
    // RFC 8460 §4.4 lists both; Microsoft leaves them out for failures before any MX was reached
    // (policy fetch, DNS), which even the strict mode accepts.
    boolean beforeMx = PolicyJsonReader.isPolicyStage(type);
    if ((seen & 1 << IP) == 0 && !beforeMx) {
      absent(base, "sending-mta-ip");
    }
    if ((seen & 1 << MX) == 0 && !beforeMx) {
      absent(base, "receiving-mx-hostname");
    }
    return new FailureDetail(type, ip, mx, helo, rip, count, info, reason,
        unknown == null ? Map.of() : unknown);
  }

  private void absent(ReportPath object, String name) {
    if (c.strict) {
      throw ReadContext.missing(object, name);
    }
    c.warn(object, ReportErrorCode.MISSING_FIELD, name + " is absent");
  }

  private @Nullable String ipAddress(ReportPath object, String name) throws IOException {
    String ip = c.optionalString(object, name);
    if (ip != null && !IpAddresses.isValid(ip)) {
      c.invalid(object.member(name),
          name + " \"" + ReadContext.shorten(ip) + "\" is not an IPv4 or IPv6 address");
    }
    return ip;
  }

  @Override
  public String toString() {
    return "FailureDetailJsonReader" + Arrays.toString(next);
  }
}
