package dev.mtasts.benchmarks.baseline;

import java.util.Map;

/**
 * A straightforward policy serializer: {@code String.format} for the fixed fields and string
 * concatenation for each list line, collected in a {@code StringBuilder}, in the canonical order
 * of the SDK (version, mode, each mx, max_age, extensions) with CRLF line ends.
 */
public final class BaselinePolicySerializer {

  private BaselinePolicySerializer() {}

  /**
   * Writes a policy file.
   *
   * @param policy the policy
   * @return the text of {@code mta-sts.txt}
   */
  public static String toText(BaselinePolicy policy) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("version: %s\r\nmode: %s\r\n", policy.version(), policy.mode()));
    for (String mx : policy.mx()) {
      text.append("mx: " + mx + "\r\n");
    }
    text.append(String.format("max_age: %d\r\n", policy.maxAge()));
    for (Map.Entry<String, String> e : policy.extensions().entrySet()) {
      text.append(e.getKey() + ": " + e.getValue() + "\r\n");
    }
    return text.toString();
  }
}
