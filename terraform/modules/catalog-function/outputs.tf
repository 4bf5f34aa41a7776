output "name" {
  description = "Cloud Run service name."
  value       = google_cloud_run_v2_service.this.name
}

output "uri" {
  description = "The service's https URL (for an internal-ingress service, reachable only from the project's VPC and authorised callers)."
  value       = google_cloud_run_v2_service.this.uri
}

output "service_account_email" {
  description = "Email of the function's service account."
  value       = google_service_account.this.email
}
