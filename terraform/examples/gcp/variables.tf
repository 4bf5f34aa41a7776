variable "project_id" {
  description = "Google Cloud project to deploy into."
  type        = string

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Cloud Run region."
  type        = string
  default     = "europe-west1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Cloud Run region such as europe-west1."
  }
}

variable "name_prefix" {
  description = "Prefix of the Cloud Run services, service accounts and secrets (e.g. catalog -> catalog-video-sink, catalog-elasticsearch-api-key)."
  type        = string
  default     = "catalog"

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{1,13}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-15 lowercase letters, digits or hyphens, starting with a letter (service account ids are capped at 30 characters)."
  }
}

variable "image" {
  description = "Container image built from ./functions/cmd/server, e.g. europe-west1-docker.pkg.dev/PROJECT/catalog/functions@sha256:..."
  type        = string

  validation {
    condition     = can(regex("^[^\\s]+(:[-_.a-zA-Z0-9]+|@sha256:[0-9a-f]{64})$", var.image))
    error_message = "image must name a tag (:tag) or a digest (@sha256:...)."
  }
}

variable "elasticsearch_urls" {
  description = "Elasticsearch node URLs (a real Elasticsearch; the client refuses servers without X-Elastic-Product). Joined with commas into ELASTICSEARCH_URL."
  type        = list(string)

  validation {
    condition     = length(var.elasticsearch_urls) > 0 && alltrue([for u in var.elasticsearch_urls : can(regex("^https?://[^,\\s]+$", u))])
    error_message = "elasticsearch_urls must list at least one http(s):// URL, none containing commas or spaces."
  }
}

variable "index_prefix" {
  description = "CATALOG_INDEX_PREFIX: prefix of the catalog's Elasticsearch indices."
  type        = string
  default     = "catalog"

  validation {
    condition     = can(regex("^[a-z0-9][-_a-z0-9]*$", var.index_prefix))
    error_message = "index_prefix must be lowercase letters, digits, - or _ (Elasticsearch index names are lowercase)."
  }
}

variable "media_base_url" {
  description = "CATALOG_MEDIA_BASE_URL: base URL of the media (the Cloud CDN host the playback URLs are signed for)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.media_base_url))
    error_message = "media_base_url must be an https:// URL."
  }
}

variable "cdn_key_name" {
  description = "CATALOG_CDN_KEY_NAME: name of the Cloud CDN signing key whose value is in the cdn-signing-key secret."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.cdn_key_name))
    error_message = "cdn_key_name must be a Cloud CDN key name (RFC 1035: lowercase letters, digits, hyphens)."
  }
}

variable "cache_max_age" {
  description = "CATALOG_CACHE_MAX_AGE: Cache-Control max-age of catalog reads, a Go duration such as 30s or 5m."
  type        = string
  default     = "30s"

  validation {
    condition     = can(regex("^[0-9]+(ms|s|m|h)$", var.cache_max_age))
    error_message = "cache_max_age must be a Go duration such as 30s, 5m or 1h."
  }
}

variable "sink_max_instances" {
  description = "Maximum instances of each sink."
  type        = number
  default     = 5

  validation {
    condition     = var.sink_max_instances >= 1 && var.sink_max_instances <= 100
    error_message = "sink_max_instances must be from 1 to 100."
  }
}

variable "sink_concurrency" {
  description = "Concurrent requests per sink instance."
  type        = number
  default     = 20

  validation {
    condition     = var.sink_concurrency >= 1 && var.sink_concurrency <= 1000
    error_message = "sink_concurrency must be from 1 to 1000."
  }
}

variable "catalog_max_instances" {
  description = "Maximum instances of the read API."
  type        = number
  default     = 20

  validation {
    condition     = var.catalog_max_instances >= 1 && var.catalog_max_instances <= 1000
    error_message = "catalog_max_instances must be from 1 to 1000."
  }
}

variable "catalog_concurrency" {
  description = "Concurrent requests per read API instance."
  type        = number
  default     = 100

  validation {
    condition     = var.catalog_concurrency >= 1 && var.catalog_concurrency <= 1000
    error_message = "catalog_concurrency must be from 1 to 1000."
  }
}

variable "sink_invoker_members" {
  description = "IAM members allowed to invoke the sinks (e.g. serviceAccount:forwarder@PROJECT.iam.gserviceaccount.com). Never allUsers."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for m in var.sink_invoker_members : !contains(["allUsers", "allAuthenticatedUsers"], m)])
    error_message = "The sinks are not public: sink_invoker_members must not contain allUsers or allAuthenticatedUsers."
  }
}

variable "deletion_protection" {
  description = "Refuse to destroy the Cloud Run services from Terraform."
  type        = bool
  default     = true
}

variable "cors_origins" {
  description = "CATALOG_CORS_ORIGINS: origins whose browser apps may read the catalog API; [\"*\"] for any (it is public and read-only), [] for none."
  type        = list(string)
  default     = ["*"]

  validation {
    condition     = alltrue([for o in var.cors_origins : o == "*" || can(regex("^https?://[^/,]+$", o))])
    error_message = "Each origin is \"*\" or a scheme and host (and port), such as https://app.example.com, with no path."
  }
}
