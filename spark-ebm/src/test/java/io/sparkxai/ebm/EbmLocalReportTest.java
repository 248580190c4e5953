package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a row's feature values read in its local report panel ("age = 25"). */
class EbmLocalReportTest {

  @Test
  void valuesReadAsAPersonWritesThem() {
    assertEquals("25", EbmLocalReport.shown(25.0));
    assertEquals("226802", EbmLocalReport.shown(226802.0));
    assertEquals("0.1", EbmLocalReport.shown(0.1));
    assertEquals("3.14159", EbmLocalReport.shown(Math.PI));
    assertEquals("missing", EbmLocalReport.shown(Double.NaN));
    assertEquals("missing", EbmLocalReport.shown(null));
    assertEquals("Private", EbmLocalReport.shown("Private"));
  }
}
