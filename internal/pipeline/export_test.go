package pipeline

// RecordSize is recordSize, for the tests of package pipeline_test.
var RecordSize = recordSize
