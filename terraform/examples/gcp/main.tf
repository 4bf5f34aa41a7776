# The catalog's five functions on Cloud Run, their service accounts and the
# Secret Manager secrets they read. The change-data side (MySQL, Debezium,
# Kafka, KafkaSources) is not here: it runs on the Knative cluster (../../../knative).

locals {
  services = ["run.googleapis.com", "secretmanager.googleapis.com", "iam.googleapis.com"]

  sinks = {
    category      = "CategorySink"
    genre         = "GenreSink"
    "cast-member" = "CastMemberSink"
    video         = "VideoSink"
  }

  store_env = {
    ELASTICSEARCH_URL    = join(",", var.elasticsearch_urls)
    CATALOG_INDEX_PREFIX = var.index_prefix
    CATALOG_SAMPLE_DATA  = "false"
    GOOGLE_CLOUD_PROJECT = var.project_id
  }

  labels = {
    app = "videocatalog"
  }
}

resource "google_project_service" "this" {
  for_each = toset(local.services)

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# Created EMPTY: Terraform never holds a secret value. Operators add the first
# version (README.md) before the services can start.
resource "google_secret_manager_secret" "elasticsearch_api_key" {
  project   = var.project_id
  secret_id = "${var.name_prefix}-elasticsearch-api-key"
  labels    = local.labels

  replication {
    auto {}
  }

  depends_on = [google_project_service.this]
}

resource "google_secret_manager_secret" "cdn_signing_key" {
  project   = var.project_id
  secret_id = "${var.name_prefix}-cdn-signing-key"
  labels    = local.labels

  replication {
    auto {}
  }

  depends_on = [google_project_service.this]
}

# The four sinks: internal ingress, no public invoker, scale to zero.
module "sink" {
  source   = "../../modules/catalog-function"
  for_each = local.sinks

  project_id      = var.project_id
  region          = var.region
  name            = "${var.name_prefix}-${each.key}-sink"
  function_target = each.value
  image           = var.image
  public          = false
  invoker_members = var.sink_invoker_members

  env = local.store_env
  secret_env = {
    ELASTICSEARCH_API_KEY = { secret = google_secret_manager_secret.elasticsearch_api_key.secret_id }
  }

  min_instances       = 0
  max_instances       = var.sink_max_instances
  concurrency         = var.sink_concurrency
  timeout_seconds     = 60
  labels              = local.labels
  deletion_protection = var.deletion_protection

  depends_on = [google_project_service.this]
}

# The public read API.
module "catalog" {
  source = "../../modules/catalog-function"

  project_id      = var.project_id
  region          = var.region
  name            = var.name_prefix
  function_target = "Catalog"
  image           = var.image
  public          = true

  env = merge(local.store_env, {
    CATALOG_MEDIA_BASE_URL        = var.media_base_url
    CATALOG_CDN_KEY_NAME          = var.cdn_key_name
    CATALOG_CACHE_MAX_AGE         = var.cache_max_age
    CATALOG_GRAPHQL_INTROSPECTION = "false"
    CATALOG_CORS_ORIGINS          = join(",", var.cors_origins)
  })
  secret_env = {
    ELASTICSEARCH_API_KEY = { secret = google_secret_manager_secret.elasticsearch_api_key.secret_id }
    CATALOG_CDN_KEY       = { secret = google_secret_manager_secret.cdn_signing_key.secret_id }
  }

  min_instances       = 0
  max_instances       = var.catalog_max_instances
  concurrency         = var.catalog_concurrency
  timeout_seconds     = 30
  health_check_path   = "/healthz"
  service_account_id  = "${var.name_prefix}-read-api"
  labels              = local.labels
  deletion_protection = var.deletion_protection

  depends_on = [google_project_service.this]
}
