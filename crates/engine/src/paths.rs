use std::path::PathBuf;

use directories::ProjectDirs;

use crate::{Error, Result};

/// Where nctray keeps its files: the platform's config and data directories
/// (`$XDG_CONFIG_HOME/nctray`, `$XDG_DATA_HOME/nctray` on Linux).
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    pub fn from_platform() -> Result<Self> {
        let dirs = ProjectDirs::from("", "", "nctray")
            .ok_or_else(|| Error::Config("no home directory to keep nctray's files in".into()))?;
        Ok(Self {
            config_dir: dirs.config_dir().to_path_buf(),
            data_dir: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.json")
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join("nctray.sqlite3")
    }
}
