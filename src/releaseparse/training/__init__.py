"""The statistical name model: its runtime component (`prose_ner`) and, behind the optional `train`
extra, the code that builds its training data from corpus/train and trains it (`data`, `augment`,
`train`). Importing this package imports neither Faker nor the corpus."""
