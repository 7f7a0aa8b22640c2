use std::path::PathBuf;

use directories::ProjectDirs;

use crate::{Error, Result};

/// Where nctray keeps its files: the platform's config, data and state directories
/// (`$XDG_CONFIG_HOME/nctray`, `$XDG_DATA_HOME/nctray`, `$XDG_STATE_HOME/nctray` on Linux).
#[derive(Debug, Clone)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    /// Logs and other files that are neither settings nor cache (`$XDG_STATE_HOME/nctray`;
    /// the data directory where the platform has no state directory).
    pub state_dir: PathBuf,
}

impl Paths {
    pub fn from_platform() -> Result<Self> {
        let dirs = ProjectDirs::from("", "", "nctray")
            .ok_or_else(|| Error::Config("no home directory to keep nctray's files in".into()))?;
        let data_dir = dirs.data_dir().to_path_buf();
        Ok(Self {
            config_dir: dirs.config_dir().to_path_buf(),
            state_dir: dirs
                .state_dir()
                .map_or_else(|| data_dir.clone(), |dir| dir.to_path_buf()),
            data_dir,
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.json")
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join("nctray.sqlite3")
    }

    /// The tray's log files, one per day (`nctray.YYYY-MM-DD.log`).
    pub fn log_dir(&self) -> PathBuf {
        self.state_dir.join("logs")
    }

    /// Creates the config, data and state folders as 0700 and corrects what an earlier
    /// version left readable to others in them (folders 0700, files 0600). Run at every start.
    pub fn make_private(&self) -> Result<()> {
        for dir in [&self.config_dir, &self.data_dir, &self.state_dir] {
            crate::private_files::make_tree_private(dir).map_err(|e| {
                Error::Config(format!("cannot make {} private: {e}", dir.display()))
            })?;
        }
        Ok(())
    }
}
