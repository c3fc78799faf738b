package consume

import (
	"fmt"
	"strings"

	"github.com/rs/zerolog"
	"github.com/segmentio/kafka-go"
)

// idleMarks are what kafka-go's error logger says when a fetch on a quiet
// partition simply found nothing before its deadline: routine, not a
// warning (a worker on an idle topic would otherwise warn every second).
var idleMarks = []string{"i/o timeout", "context deadline exceeded", "no messages received"}

// kafkaErrorLog routes kafka-go's error logger to log: idle-partition
// timeouts at debug, the rest at warn.
func kafkaErrorLog(log zerolog.Logger) kafka.LoggerFunc {
	return func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		for _, m := range idleMarks {
			if strings.Contains(msg, m) {
				log.Debug().Msg(msg)
				return
			}
		}
		log.Warn().Msg(msg)
	}
}
