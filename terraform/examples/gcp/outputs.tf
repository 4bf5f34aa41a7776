output "catalog_url" {
  description = "Public URL of the read API (GraphQL at /graphql, REST at /v1, health at /healthz)."
  value       = module.catalog.uri
}

output "sink_urls" {
  description = "URLs of the sinks (internal ingress; callers need roles/run.invoker and a Google-signed ID token)."
  value       = { for k, m in module.sink : k => m.uri }
}

output "service_accounts" {
  description = "Service account of each function."
  value       = merge({ catalog = module.catalog.service_account_email }, { for k, m in module.sink : "${k}-sink" => m.service_account_email })
}

output "secret_ids" {
  description = "Secret Manager secrets (created empty) that operators must give a first version."
  value = {
    elasticsearch_api_key = google_secret_manager_secret.elasticsearch_api_key.secret_id
    cdn_signing_key       = google_secret_manager_secret.cdn_signing_key.secret_id
  }
}
