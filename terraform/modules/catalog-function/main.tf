# One function of the catalog (one FUNCTION_TARGET of the shared binary) as a
# Cloud Run v2 service with its own service account.

locals {
  service_account_id = coalesce(var.service_account_id, trimsuffix(substr(var.name, 0, 30), "-"))
  secret_ids         = toset([for e in values(var.secret_env) : e.secret])
}

resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = local.service_account_id
  display_name = "Catalog function ${var.function_target}"
  description  = "Runs the Cloud Run service ${var.name} (FUNCTION_TARGET=${var.function_target})."
}

# Read access to exactly the secrets this function uses, nothing project-wide.
resource "google_secret_manager_secret_iam_member" "access" {
  for_each = local.secret_ids

  project   = var.project_id
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.this.member
}

resource "google_cloud_run_v2_service" "this" {
  project             = var.project_id
  location            = var.region
  name                = var.name
  labels              = merge(var.labels, { function-target = lower(var.function_target) })
  ingress             = var.public ? "INGRESS_TRAFFIC_ALL" : "INGRESS_TRAFFIC_INTERNAL_ONLY"
  deletion_protection = var.deletion_protection

  template {
    service_account                  = google_service_account.this.email
    max_instance_request_concurrency = var.concurrency
    timeout                          = "${var.timeout_seconds}s"

    scaling {
      min_instance_count = var.min_instances
      max_instance_count = var.max_instances
    }

    containers {
      image = var.image

      # Cloud Run sets PORT to this port; the binary listens on $PORT.
      ports {
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = var.cpu
          memory = var.memory
        }
        # CPU only while a request is being served: pay per use.
        cpu_idle          = true
        startup_cpu_boost = true
      }

      env {
        name  = "FUNCTION_TARGET"
        value = var.function_target
      }

      dynamic "env" {
        for_each = var.env
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = var.secret_env
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = env.value.secret
              version = env.value.version
            }
          }
        }
      }

      dynamic "startup_probe" {
        for_each = var.health_check_path == null ? [] : [var.health_check_path]
        content {
          period_seconds    = 2
          timeout_seconds   = 1
          failure_threshold = 15
          http_get {
            path = startup_probe.value
          }
        }
      }

      dynamic "liveness_probe" {
        for_each = var.health_check_path == null ? [] : [var.health_check_path]
        content {
          period_seconds    = 10
          timeout_seconds   = 2
          failure_threshold = 3
          http_get {
            path = liveness_probe.value
          }
        }
      }
    }
  }

  # The revision reads the secrets when it starts: grant access first.
  depends_on = [google_secret_manager_secret_iam_member.access]
}

# The read API only: anyone may invoke it.
resource "google_cloud_run_v2_service_iam_member" "public" {
  count = var.public ? 1 : 0

  project  = google_cloud_run_v2_service.this.project
  location = google_cloud_run_v2_service.this.location
  name     = google_cloud_run_v2_service.this.name
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# Named callers (e.g. the service account of whatever delivers change events).
resource "google_cloud_run_v2_service_iam_member" "invoker" {
  for_each = toset(var.invoker_members)

  project  = google_cloud_run_v2_service.this.project
  location = google_cloud_run_v2_service.this.location
  name     = google_cloud_run_v2_service.this.name
  role     = "roles/run.invoker"
  member   = each.value
}
