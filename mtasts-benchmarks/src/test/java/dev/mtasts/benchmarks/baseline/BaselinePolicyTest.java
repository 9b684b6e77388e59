package dev.mtasts.benchmarks.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mtasts.benchmarks.data.PolicyData;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class BaselinePolicyTest {

  @ParameterizedTest
  @ValueSource(ints = {3, 50, 500})
  void baselineParserReadsWhatTheSdkReads(int mxCount) {
    String text = PolicyData.policy(mxCount);
    MtaStsPolicy sdk = MtaStsPolicy.parse(text);
    BaselinePolicy baseline = BaselinePolicyParser.parse(text);

    List<String> sdkMx = new ArrayList<>();
    for (MxPattern p : sdk.mx()) {
      sdkMx.add(p.pattern());
    }
    assertEquals(sdkMx, baseline.mx());
    assertEquals(sdk.mode().wireName(), baseline.mode());
    assertEquals(sdk.maxAge(), baseline.maxAge());
    assertEquals(mxCount, baseline.mx().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 500})
  void baselineSerializerWritesTheSdksCanonicalBytes(int mxCount) {
    String text = PolicyData.policy(mxCount);
    assertEquals(
        MtaStsPolicy.parse(text).toText(),
        BaselinePolicySerializer.toText(BaselinePolicyParser.parse(text)));
    assertEquals(text, BaselinePolicySerializer.toText(BaselinePolicyParser.parse(text)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 31557601\r\n",
        "version: STSv1\r\nmode: enforced\r\nmx: mx.example.com\r\nmax_age: 86400\r\n",
        "version: STSv1\r\nmode: enforce\r\nmax_age: 86400\r\n",
        "version: STSv1\r\nmode: enforce\r\nmx: mx.example.com.\r\nmax_age: 86400\r\n",
        "mode: enforce\r\nmx: mx.example.com\r\nmax_age: 86400\r\n",
      })
  void baselineParserRefusesWhatTheRfcRefuses(String text) {
    assertThrows(IllegalArgumentException.class, () -> BaselinePolicyParser.parse(text));
  }
}
