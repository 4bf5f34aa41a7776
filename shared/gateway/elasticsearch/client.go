package elasticsearch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/elastic/go-elasticsearch/v8"

	"github.com/videocatalog/catalog/shared/domain"
)

// client is the thin JSON layer over go-elasticsearch's transport: the store
// speaks only typeless REST APIs that 7.10 and 8.x share, so raw requests keep
// one code path for both (the typed API would bind us to 8.x responses).
type client struct {
	es      *elasticsearch.Client
	timeout time.Duration // bounds every request
}

func newClient(cfg Config) (*client, error) {
	es, err := elasticsearch.NewClient(elasticsearch.Config{
		Addresses: cfg.URLs,
		APIKey:    cfg.APIKey,
		Username:  cfg.Username,
		Password:  cfg.Password,
		// The store answers ErrUnavailable and KafkaSource redelivers with
		// backoff; retrying here too would only hold the caller longer.
		DisableRetry: true,
	})
	if err != nil {
		return nil, fmt.Errorf("elasticsearch: client: %w", err)
	}
	return &client{es: es, timeout: cfg.RequestTimeout}, nil
}

// apiError is an error response of the cluster.
type apiError struct {
	Status int
	Type   string
	Reason string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("elasticsearch %d %s: %s", e.Status, e.Type, e.Reason)
}

// Unwrap classifies by status: overload and server faults pass, a 400 never will.
func (e *apiError) Unwrap() error {
	switch {
	case e.Status == http.StatusTooManyRequests || e.Status >= 500:
		return domain.ErrUnavailable
	case e.Status == http.StatusBadRequest:
		return domain.ErrInvalid
	}
	return nil
}

func asAPIError(err error, target **apiError) bool { return errors.As(err, target) }

func isStatus(err error, status int) bool {
	var ae *apiError
	return asAPIError(err, &ae) && ae.Status == status
}

func unavailable(what string, err error) error {
	if errors.Is(err, domain.ErrUnavailable) || errors.Is(err, domain.ErrInvalid) {
		return fmt.Errorf("%s: %w", what, err)
	}
	return fmt.Errorf("%s: %w: %w", what, domain.ErrUnavailable, err)
}

// do sends body (JSON-encoded unless it is already []byte) and decodes the
// answer into out when out is not nil. Transport failures wrap ErrUnavailable.
func (c *client) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	var payload io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		payload = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		payload = bytes.NewReader(raw)
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, payload)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.es.Perform(req)
	if err != nil {
		return unavailable(method+" "+path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return unavailable(method+" "+path, err)
	}
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %w", method, path, parseError(res.StatusCode, raw))
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return unavailable("decode "+method+" "+path, err)
	}
	return nil
}

func parseError(status int, raw []byte) *apiError {
	var body struct {
		Error json.RawMessage `json:"error"`
	}
	e := &apiError{Status: status}
	if json.Unmarshal(raw, &body) == nil && len(body.Error) > 0 {
		var cause struct {
			Type      string `json:"type"`
			Reason    string `json:"reason"`
			RootCause []struct {
				Type   string `json:"type"`
				Reason string `json:"reason"`
			} `json:"root_cause"`
		}
		if json.Unmarshal(body.Error, &cause) == nil {
			e.Type, e.Reason = cause.Type, cause.Reason
			if len(cause.RootCause) > 0 && cause.RootCause[0].Reason != cause.Reason {
				e.Reason += " (" + cause.RootCause[0].Type + ": " + cause.RootCause[0].Reason + ")"
			}
			return e
		}
		e.Reason = string(body.Error) // some APIs answer "error": "text"
		return e
	}
	e.Reason = string(raw)
	if len(e.Reason) > 300 {
		e.Reason = e.Reason[:300]
	}
	return e
}
