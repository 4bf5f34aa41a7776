package cdc

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"time"
)

// Kafka Connect and Debezium logical type names, the schema "name" of a field.
const (
	connectDecimal     = "org.apache.kafka.connect.data.Decimal"
	connectTimestamp   = "org.apache.kafka.connect.data.Timestamp"
	connectDate        = "org.apache.kafka.connect.data.Date"
	debeziumTimestamp  = "io.debezium.time.Timestamp"
	debeziumMicroTS    = "io.debezium.time.MicroTimestamp"
	debeziumNanoTS     = "io.debezium.time.NanoTimestamp"
	debeziumZonedTS    = "io.debezium.time.ZonedTimestamp"
	debeziumDate       = "io.debezium.time.Date"
	debeziumVarDecimal = "io.debezium.data.VariableScaleDecimal"
	maxDecimalScale    = 30   // MySQL's DECIMAL limit; also bounds the 10^scale we compute
	microsThreshold    = 1e14 // see epochTime
)

// normalize turns the JSON value v of a column into its Row representation.
// s is the field's Connect schema, nil when schemas are off. Errors say what was
// expected and what was found; the caller adds the column name.
func normalize(c column, s *fieldSchema, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch c.kind {
	case kindString:
		if str, ok := v.(string); ok {
			return str, nil
		}
		return nil, expected("a string", v)
	case kindBool:
		return toBool(v)
	case kindInt:
		n, ok := v.(json.Number)
		if !ok {
			return nil, expected("an integer", v)
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil {
			return nil, expected("an integer", v)
		}
		return i, nil
	case kindDecimal:
		scale := c.scale
		if s != nil && s.Name == connectDecimal {
			var err error
			if scale, err = schemaScale(s); err != nil {
				return nil, err
			}
			// The schema says precise mode: a string is base64, even one of digits only.
			if str, ok := v.(string); ok {
				return unscaledBase64(str, scale)
			}
		}
		return toDecimal(v, scale)
	default: // kindDatetime
		name := ""
		if s != nil {
			name = s.Name
		}
		return toTime(v, name)
	}
}

// toBool accepts JSON booleans, and integers because BOOLEAN is TINYINT(1):
// snapshot rows (and some connector settings) carry 0/1. Any non-zero integer is
// true, as in MySQL. "true"/"false" strings are accepted as they are unambiguous.
func toBool(v any) (bool, error) {
	switch b := v.(type) {
	case bool:
		return b, nil
	case json.Number:
		i, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil {
			return false, expected("a boolean or 0/1", v)
		}
		return i != 0, nil
	case string:
		if b == "true" || b == "false" {
			return b == "true", nil
		}
	}
	return false, expected("a boolean or 0/1", v)
}

// plainDecimal is decimal.handling.mode=string: BigDecimal.toPlainString.
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// toDecimal accepts every decimal.handling.mode: precise (base64 of the unscaled
// two's-complement integer), double (a JSON number) and string (a plain decimal),
// plus VariableScaleDecimal ({"scale":…,"value":…}).
//
// A plain decimal string and a base64 string cannot be confused for the admin's
// DECIMAL(5,2): a positive value's base64 starts with a letter (its first byte is
// below 0x80), and an all-digit base64 string decodes to at most -532 611
// unscaled ("0000" to "9999" span -2 929 356 to -532 611; longer ones lie
// further below), far outside the column's range.
func toDecimal(v any, scale int) (float64, error) {
	switch d := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(d), 64)
		if err != nil || math.IsInf(f, 0) {
			return 0, expected("a finite decimal", v)
		}
		return f, nil
	case string:
		if plainDecimal.MatchString(d) {
			return strconv.ParseFloat(d, 64)
		}
		return unscaledBase64(d, scale)
	case map[string]any:
		return variableScale(d)
	}
	return 0, expected("a decimal (base64 unscaled bytes, number or numeric string)", v)
}

func unscaledBase64(s string, scale int) (float64, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) == 0 {
		return 0, expected("a decimal (base64 unscaled bytes, number or numeric string)", s)
	}
	unscaled := new(big.Int).SetBytes(b)
	if b[0]&0x80 != 0 { // two's complement: subtract 2^(8·len)
		unscaled.Sub(unscaled, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	if scale < 0 || scale > maxDecimalScale {
		return 0, fmt.Errorf("decimal scale %d is outside 0..%d", scale, maxDecimalScale)
	}
	denom := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)
	f, _ := new(big.Rat).SetFrac(unscaled, denom).Float64()
	if math.IsInf(f, 0) {
		return 0, fmt.Errorf("decimal %q does not fit a float64", s)
	}
	return f, nil
}

func variableScale(m map[string]any) (float64, error) {
	n, ok := m["scale"].(json.Number)
	scale, err := strconv.Atoi(string(n))
	if !ok || err != nil {
		return 0, fmt.Errorf("%s: expected an integer \"scale\", found %s", debeziumVarDecimal, describe(m["scale"]))
	}
	s, ok := m["value"].(string)
	if !ok {
		return 0, fmt.Errorf("%s: expected a base64 \"value\", found %s", debeziumVarDecimal, describe(m["value"]))
	}
	return unscaledBase64(s, scale)
}

// schemaScale reads the "scale" parameter that JsonConverter writes, as a string,
// into a Decimal field's schema.
func schemaScale(s *fieldSchema) (int, error) {
	p, ok := s.Parameters["scale"]
	if !ok {
		return 0, errors.New(connectDecimal + " schema has no \"scale\" parameter")
	}
	scale, err := strconv.Atoi(p)
	if err != nil {
		return 0, fmt.Errorf("%s schema has a non-integer scale %q", connectDecimal, p)
	}
	return scale, nil
}

// toTime decodes a temporal value by its logical type name (schemas on), or, with
// no name, by its JSON type: a string is ISO-8601, an integer is epoch time.
func toTime(v any, name string) (time.Time, error) {
	if s, ok := v.(string); ok {
		if name != "" && name != debeziumZonedTS {
			return time.Time{}, fmt.Errorf("%s value: expected an integer, found %s", name, describe(v))
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return time.Time{}, expected("an ISO-8601 timestamp", v)
		}
		return t.UTC(), nil
	}
	n, ok := v.(json.Number)
	i, err := strconv.ParseInt(string(n), 10, 64)
	if !ok || err != nil {
		return time.Time{}, expected("an epoch integer or an ISO-8601 string", v)
	}
	switch name {
	case "":
		return epochTime(i), nil
	case debeziumTimestamp, connectTimestamp:
		return time.UnixMilli(i).UTC(), nil
	case debeziumMicroTS:
		return time.UnixMicro(i).UTC(), nil
	case debeziumNanoTS:
		return time.Unix(0, i).UTC(), nil
	case debeziumDate, connectDate:
		if i < math.MinInt32 || i > math.MaxInt32 {
			return time.Time{}, fmt.Errorf("%s: %d days is outside the int32 range", name, i)
		}
		return time.Unix(i*86400, 0).UTC(), nil
	case debeziumZonedTS:
		return time.Time{}, expected("an ISO-8601 string for "+name, v)
	}
	return time.Time{}, fmt.Errorf("unsupported temporal type %q", name)
}

// epochTime reads an integer timestamp without a schema. The admin's DATETIME(6)
// gives micros, but a DATETIME(0-3) column (or time.precision.mode=connect) gives
// millis, and the magnitude tells them apart for any date the admin can hold:
// 10^14 micros is 1973-03-03 while 10^14 millis is the year 5138.
func epochTime(i int64) time.Time {
	if i >= microsThreshold || i <= -microsThreshold {
		return time.UnixMicro(i).UTC()
	}
	return time.UnixMilli(i).UTC()
}

// expected builds "expected <what>, found <v>".
func expected(what string, v any) error {
	return fmt.Errorf("expected %s, found %s", what, describe(v))
}

// describe names a decoded JSON value for an error message, with a short excerpt.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("boolean %t", x)
	case json.Number:
		return "number " + string(x)
	case string:
		if len(x) > 40 {
			x = x[:40] + "…"
		}
		return fmt.Sprintf("string %q", x)
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("%T", v)
}
