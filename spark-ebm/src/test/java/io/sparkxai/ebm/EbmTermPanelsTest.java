package io.sparkxai.ebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** How a numeric term's steps are placed over real values, and how its cut points read. */
class EbmTermPanelsTest {

  @Test
  void outerBinsCloseAtTheTrainingRange() {
    assertArrayEquals(new double[] {17, 20.5, 30.5, 90}, EbmTermPanels.edges(new double[] {20.5, 30.5}, 17, 90), 0);
  }

  @Test
  void withoutKnownBoundsOuterBinsAreAsWideAsTheirNeighbours() {
    assertArrayEquals(new double[] {10.5, 20.5, 30.5, 40.5},
        EbmTermPanels.edges(new double[] {20.5, 30.5}, Double.NaN, Double.NaN), 0);
    assertArrayEquals(new double[] {3, 5}, EbmTermPanels.edges(new double[0], 3, 5), 0, "no cut: the range");
    assertArrayEquals(new double[] {2, 4}, EbmTermPanels.edges(new double[0], 3, 3), 0, "one value: around it");
  }

  @Test
  void cutsReadWithFourDigitsUnlessNeighboursWouldLookAlike() {
    assertArrayEquals(new String[] {"1.665", "2.5", "100"},
        EbmTermPanels.readable(new double[] {1.6649999999999998, 2.5, 100}));
    assertArrayEquals(new String[] {"1000.5", "1001.5"}, EbmTermPanels.readable(new double[] {1000.5, 1001.5}));
  }
}
