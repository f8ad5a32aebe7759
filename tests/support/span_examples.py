"""Three reader examples (question, chunks, answer: a cited span or none) that the tiny span readers
of test_span_reader_cli and test_word_hash_cli train on."""

EXAMPLES = [
    {"question": "How much is the Aster?", "chunks": ["Aster kettle. price: 49 EUR.", "Brae kettle. price: 59 EUR."],
     "answer": "49 EUR", "spans": [[0, 21, 27]]},
    {"question": "What does the Brae cost?", "chunks": ["Brae kettle. price: 59 EUR.", "Aster kettle. weight: 1 kg."],
     "answer": "59 EUR"},
    {"question": "Can I pay in bitcoin?", "chunks": ["We take cards and cash."], "answer": None},
]
