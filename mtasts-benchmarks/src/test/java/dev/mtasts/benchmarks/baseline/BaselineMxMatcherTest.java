package dev.mtasts.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mtasts.benchmarks.data.PolicyData;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class BaselineMxMatcherTest {

  private static MtaStsPolicy policy(List<String> patterns) {
    List<MxPattern> mx = new ArrayList<>();
    for (String p : patterns) {
      mx.add(MxPattern.of(p));
    }
    return MtaStsPolicy.of(Mode.ENFORCE, 86_400, mx);
  }

  @ParameterizedTest
  @CsvSource({
    "mx1.mail.example-corp.com, true",
    "MX1.Mail.Example-Corp.COM, true",
    "mx1.mail.example-corp.com., true",
    "relay.backup-mx.example-corp.net, true",
    "backup-mx.example-corp.net, false",
    "a.b.backup-mx.example-corp.net, false",
    "mx3.mail.example-corp.com, false",
    "mx1.mail.example-corp.co, false",
  })
  void baselineMatchesLikeTheSdk(String host, boolean expected) {
    List<String> patterns = PolicyData.patterns(3);
    assertEquals(expected, policy(patterns).matches(host));
    assertEquals(expected, new BaselineMxMatcher(patterns).matches(host));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 50})
  void benchmarkHostsHitAndMissAsNamed(int count) {
    List<String> patterns = PolicyData.patterns(count);
    assertEquals(count, patterns.size());
    assertEquals(true, policy(patterns).matches(PolicyData.hitHost(count)));
    assertEquals(false, policy(patterns).matches(PolicyData.missHost(count)));
    assertEquals(true, new BaselineMxMatcher(patterns).matches(PolicyData.hitHost(count)));
    assertEquals(false, new BaselineMxMatcher(patterns).matches(PolicyData.missHost(count)));
  }
}
