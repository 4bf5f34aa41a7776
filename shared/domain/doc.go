// Package domain holds the catalog's entities, their validation rules, the
// source position that orders changes, and the store ports the use cases need.
// It imports nothing of the gateways: adapters implement these ports.
package domain
