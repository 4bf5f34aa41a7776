variable "project_id" {
  description = "Google Cloud project that hosts the function."
  type        = string

  validation {
    condition     = can(regex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project id: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Cloud Run region, e.g. europe-west1."
  type        = string

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Cloud Run region such as europe-west1."
  }
}

variable "name" {
  description = "Cloud Run service name."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$", var.name))
    error_message = "name must be 1-49 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen."
  }
}

variable "function_target" {
  description = "The function the shared binary serves at / (env FUNCTION_TARGET)."
  type        = string

  validation {
    condition     = contains(["CategorySink", "GenreSink", "CastMemberSink", "VideoSink", "Catalog"], var.function_target)
    error_message = "function_target must be one of CategorySink, GenreSink, CastMemberSink, VideoSink, Catalog."
  }
}

variable "image" {
  description = "Container image built from ./functions/cmd/server (Artifact Registry path with a tag or, better, a digest)."
  type        = string

  validation {
    condition     = can(regex("^[^\\s]+(:[-_.a-zA-Z0-9]+|@sha256:[0-9a-f]{64})$", var.image))
    error_message = "image must name a tag (:tag) or a digest (@sha256:...)."
  }
}

variable "public" {
  description = "true: ingress from the internet and roles/run.invoker for allUsers (the read API). false: internal ingress only and no public invoker (the sinks)."
  type        = bool
  default     = false
}

variable "invoker_members" {
  description = "IAM members (e.g. serviceAccount:...) granted roles/run.invoker. Public access is controlled by var.public only."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for m in var.invoker_members : !contains(["allUsers", "allAuthenticatedUsers"], m)])
    error_message = "invoker_members must not contain allUsers or allAuthenticatedUsers: set public = true for the read API instead."
  }
}

variable "env" {
  description = "Plain environment variables (no secrets). FUNCTION_TARGET is set by the module; PORT is set by Cloud Run."
  type        = map(string)
  default     = {}

  validation {
    condition     = length(setintersection(keys(var.env), ["PORT", "FUNCTION_TARGET", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"])) == 0
    error_message = "env must not set PORT, FUNCTION_TARGET or the K_* variables reserved by Cloud Run."
  }
}

variable "secret_env" {
  description = "Environment variables read from Secret Manager: name => { secret = secret id in this project, version = version or \"latest\" }. The module grants the function's service account secretAccessor on each secret."
  type = map(object({
    secret  = string
    version = optional(string, "latest")
  }))
  default = {}
}

variable "min_instances" {
  description = "Minimum instances. 0 scales to zero when idle (pay per use)."
  type        = number
  default     = 0

  validation {
    condition     = var.min_instances >= 0 && floor(var.min_instances) == var.min_instances
    error_message = "min_instances must be a whole number >= 0."
  }
}

variable "max_instances" {
  description = "Maximum instances: the ceiling on cost and on the load put on Elasticsearch."
  type        = number
  default     = 10

  validation {
    condition     = var.max_instances >= 1 && var.max_instances <= 1000 && floor(var.max_instances) == var.max_instances
    error_message = "max_instances must be a whole number from 1 to 1000."
  }
}

variable "concurrency" {
  description = "Maximum concurrent requests per instance."
  type        = number
  default     = 80

  validation {
    condition     = var.concurrency >= 1 && var.concurrency <= 1000 && floor(var.concurrency) == var.concurrency
    error_message = "concurrency must be a whole number from 1 to 1000."
  }
}

variable "cpu" {
  description = "CPU limit per instance (Cloud Run accepts 1, 2, 4, 6, 8, or fractions below 1 such as 0.5 with concurrency 1)."
  type        = string
  default     = "1"
}

variable "memory" {
  description = "Memory limit per instance, e.g. 512Mi."
  type        = string
  default     = "512Mi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.memory))
    error_message = "memory must be a quantity in Mi or Gi, e.g. 512Mi."
  }
}

variable "timeout_seconds" {
  description = "Request timeout in seconds."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 3600
    error_message = "timeout_seconds must be from 1 to 3600."
  }
}

variable "health_check_path" {
  description = "HTTP path for the startup and liveness probes (e.g. /healthz), or null for Cloud Run's default TCP startup probe."
  type        = string
  default     = null

  validation {
    condition     = var.health_check_path == null || can(regex("^/", var.health_check_path))
    error_message = "health_check_path must start with /."
  }
}

variable "service_account_id" {
  description = "account_id of the service account created for the function (6-30 chars); defaults to the service name cut to 30 characters."
  type        = string
  default     = null

  validation {
    condition     = var.service_account_id == null || can(regex("^[a-z][-a-z0-9]{4,28}[a-z0-9]$", var.service_account_id))
    error_message = "service_account_id must be 6-30 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen."
  }
}

variable "labels" {
  description = "Labels put on the Cloud Run service."
  type        = map(string)
  default     = {}
}

variable "deletion_protection" {
  description = "Refuse to destroy the Cloud Run service from Terraform."
  type        = bool
  default     = true
}
