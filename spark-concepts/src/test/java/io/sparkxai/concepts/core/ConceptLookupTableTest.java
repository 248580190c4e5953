package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptLookupTableTest {

  @Test
  void majorityPerTupleAndOverallForUnseen() {
    List<TupleCount> train = List.of(new TupleCount(0b01, 1, -1, 6), new TupleCount(0b01, 0, -1, 4),
        new TupleCount(0b10, 0, -1, 7), new TupleCount(0b11, 1, -1, 1), new TupleCount(0b11, 0, -1, 1));
    ConceptLookupTable table = ConceptLookupTable.fit(train, 2);
    assertEquals(1, table.predict(0b01));
    assertEquals(0, table.predict(0b10));
    assertEquals(0, table.predict(0b11), "ties go to the lower class");
    assertEquals(0, table.predict(0b00), "unseen tuples get the overall majority (12 of 19 rows are class 0)");
    List<TupleCount> test = List.of(new TupleCount(0b01, 1, -1, 3), new TupleCount(0b01, 0, -1, 1),
        new TupleCount(0b00, 1, -1, 1));
    assertEquals(3 / 5.0, table.accuracy(test), 1e-12);
  }
}
