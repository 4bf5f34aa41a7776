terraform {
  required_version = ">= 1.5.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0, < 8.0"
    }
  }

  # Configure a remote backend (e.g. "gcs") for real use; validation runs with
  # -backend=false.
}

provider "google" {
  project = var.project_id
  region  = var.region
}
